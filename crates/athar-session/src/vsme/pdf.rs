//! The VSME report as a PDF in English or Arabic: a title block with the report's details,
//! charts of GHG emissions by scope and of the energy mix, every section of the standard with
//! its labelled values and tables, the ESRS E1 view, and the sources of the figures.
//!
//! Why this module exists: `athar_vsme::report_view` says what the report contains; this
//! module only translates it (Fluent, through a plain localizer: no isolation marks reach the
//! PDF) and lays it out as `athar-pdf` blocks. Numbers are written with the document's digits
//! (Arabic-Indic in Arabic) and kept left to right next to their unit; codes and result ids
//! are isolated left to right inside Arabic lines.

use athar_i18n::Localizer;
use athar_pdf::{
    format_date, format_decimal, localise_digits, ltr, Align, Bar, BarChart, Block, Column,
    Document, Language, Table, TableStyle,
};
use athar_protocol::Lang;
use athar_vsme::fact::{FactValue, Provenance};
use athar_vsme::model::{FieldKind, Model};
use athar_vsme::report_view::{report_view, Label, ViewCell, ViewValue};
use rust_decimal::Decimal;
use time::OffsetDateTime;

use super::report::Report;

fn language(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::English,
        Lang::Ar => Language::Arabic,
    }
}

struct Writer<'a> {
    l: &'a Localizer,
    lang: Language,
}

impl Writer<'_> {
    fn t(&self, key: &str) -> String {
        self.l.t(key)
    }

    fn f(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(String, String)> = args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        self.l.format(key, &args)
    }

    fn arabic(&self) -> bool {
        self.lang == Language::Arabic
    }

    /// Latin text (a code, a unit, an id) inside a line of the document's language.
    fn latin(&self, s: &str) -> String {
        if self.arabic() && !s.is_empty() {
            ltr(s)
        } else {
            s.to_string()
        }
    }

    /// A name (the company's) inside a sentence: a Latin name is isolated left to right in
    /// Arabic, so "S.A.E." keeps its final dot.
    fn name(&self, s: &str) -> String {
        let arabic_letters = s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        if arabic_letters {
            s.to_string()
        } else {
            self.latin(s)
        }
    }

    fn label(&self, l: &Label) -> String {
        match l {
            Label::Key { key } => self.t(key),
            // The EU code lists' labels carry their codes ("C - 24.10 Manufacture of ...",
            // "16 08 06 - ..."); countries are named in English (no Arabic list is embedded).
            Label::Code { label_en, .. } => self.latin(label_en),
            Label::Text { text } => localise_digits(text, self.lang),
        }
    }

    fn number(&self, v: Decimal) -> String {
        let places = v.scale().min(6);
        format_decimal(v, self.lang, places)
    }

    fn with_unit(&self, value: String, unit: &str) -> String {
        if unit.is_empty() {
            value
        } else if unit == "%" {
            format!("{value}{}", if self.arabic() { "٪" } else { " %" })
        } else {
            format!("{} {}", self.latin(&value), self.latin(unit))
        }
    }

    fn value(&self, v: &ViewValue, unit: &str) -> String {
        match v {
            ViewValue::Number { value, .. } => self.with_unit(self.number(*value), unit),
            ViewValue::Text { text } => text.clone(),
            ViewValue::YesNo { yes } => self.t(if *yes { "vsme-yes" } else { "vsme-no" }),
            ViewValue::Options { options } => options
                .iter()
                .map(|o| self.label(o))
                .collect::<Vec<_>>()
                .join(if self.arabic() { "، " } else { "; " }),
            ViewValue::Date { iso } => crate::vsme::convert::parse_iso_date(iso)
                .map(|d| format_date(d, self.lang))
                .unwrap_or_else(|| iso.clone()),
            ViewValue::Year { year } => localise_digits(&year.to_string(), self.lang),
        }
    }

    fn cell(&self, c: &ViewCell) -> String {
        match c {
            Some((v, unit)) => self.value(v, unit),
            None => "–".to_string(),
        }
    }
}

/// The key of the datapoint whose label key is `key`.
fn kind_of_label(key: &str) -> Option<FieldKind> {
    Model::get()
        .datapoints
        .iter()
        .find(|d| d.key == key)
        .map(|d| d.kind)
}

fn option_text(w: &Writer<'_>, r: &Report, concept: &str) -> String {
    r.facts
        .iter()
        .find(|f| f.concept == concept && f.dimensions.is_empty())
        .map(|f| {
            let (v, u) = athar_vsme::report_view::view_value(f);
            w.value(&v, &u)
        })
        .unwrap_or_else(|| "–".to_string())
}

/// The PDF document of the report (render it with `athar_pdf::render`).
pub fn document(r: &Report, lang: Lang, prepared: OffsetDateTime) -> Document {
    let l = Localizer::new(lang).plain();
    let w = Writer {
        l: &l,
        lang: language(lang),
    };
    let view = report_view(&r.info, &r.facts, r.energy.as_ref());
    let year = r.info.period_end.year();
    let entity = r.info.entity_name.clone();
    let mut doc = Document::new(w.lang, w.t("vsme-pdf-title"));
    doc.subtitle = Some(w.f(
        "vsme-pdf-subtitle",
        &[
            ("company", w.name(&entity)),
            ("year", localise_digits(&year.to_string(), w.lang)),
        ],
    ));
    doc.author = Some(entity.clone());
    doc.running_header = Some(w.f("vsme-pdf-running-header", &[("company", w.name(&entity))]));
    doc.footer = Some(w.f(
        "vsme-pdf-footer",
        &[("taxonomy", w.latin(&Model::get().taxonomy.version))],
    ));
    doc.page_label = Some(w.f(
        "pdf-page-of",
        &[("page", "{page}".into()), ("pages", "{pages}".into())],
    ));

    // Title block.
    let period = w.f(
        "vsme-pdf-period-range",
        &[
            ("start", format_date(r.info.period_start, w.lang)),
            ("end", format_date(r.info.period_end, w.lang)),
        ],
    );
    let identifier = match &r.resolved.entity {
        Some(e) => w.latin(&format!("{} {}", e.scheme.to_uppercase(), e.identifier)),
        None => w.t("vsme-pdf-none"),
    };
    let c = &r.completeness;
    let status = if c.is_complete() {
        w.t("vsme-pdf-complete")
    } else {
        w.f(
            "vsme-pdf-incomplete",
            &[
                (
                    "missing",
                    localise_digits(
                        &(c.missing_always.len() + c.missing_applicable.len()).to_string(),
                        w.lang,
                    ),
                ),
                (
                    "questions",
                    localise_digits(&c.needs_answer.len().to_string(), w.lang),
                ),
            ],
        )
    };
    doc.push(Block::KeyValues(vec![
        (w.t("vsme-pdf-company"), w.name(&entity)),
        (w.t("vsme-pdf-identifier"), identifier),
        (w.t("vsme-report-period"), period),
        (w.t("vsme-pdf-currency"), w.latin(&r.info.currency)),
        (
            w.t("vsme-dp-basis-for-preparation"),
            option_text(&w, r, "vsme:BasisForPreparation"),
        ),
        (
            w.t("vsme-dp-basis-for-reporting"),
            option_text(&w, r, "vsme:BasisForReporting"),
        ),
        (
            w.t("vsme-pdf-taxonomy"),
            w.latin(&format!("VSME {}", Model::get().taxonomy.version)),
        ),
        (
            w.t("vsme-pdf-prepared"),
            format_date(prepared.date(), w.lang),
        ),
        (w.t("vsme-pdf-status"), status),
    ]));
    doc.push(Block::Paragraph(w.t("vsme-pdf-intro")));

    // Key figures.
    if !view.charts.ghg_by_scope.is_empty() || !view.charts.energy_mix.is_empty() {
        doc.push(Block::Heading(w.t("vsme-pdf-key-figures")));
    }
    if !view.charts.ghg_by_scope.is_empty() {
        doc.push(Block::BarChart(BarChart {
            title: Some(w.t("vsme-pdf-chart-ghg")),
            axis_label: Some(w.latin("tCO2e")),
            bars: view
                .charts
                .ghg_by_scope
                .iter()
                .map(|(label, v)| Bar {
                    label: w.label(label),
                    value: *v,
                    colour: None,
                })
                .collect(),
            decimals: 1,
        }));
    }
    if !view.charts.energy_mix.is_empty() {
        doc.push(Block::BarChart(BarChart {
            title: Some(w.t("vsme-pdf-chart-energy")),
            axis_label: Some(w.latin("MWh")),
            bars: view
                .charts
                .energy_mix
                .iter()
                .map(|(carrier, kind, v)| Bar {
                    label: format!("{} – {}", w.label(carrier), w.label(kind)),
                    value: *v,
                    colour: None,
                })
                .collect(),
            decimals: 1,
        }));
    }

    // The standard's sections.
    for s in &view.sections {
        doc.push(Block::Heading(w.t(&s.key)));
        let mut pairs: Vec<(String, String)> = Vec::new();
        let flush = |doc: &mut Document, pairs: &mut Vec<(String, String)>| {
            if !pairs.is_empty() {
                doc.push(Block::KeyValues(std::mem::take(pairs)));
            }
        };
        for row in &s.rows {
            let mut label = w.label(&row.label);
            if !row.qualifiers.is_empty() {
                let q: Vec<String> = row.qualifiers.iter().map(|q| w.label(q)).collect();
                label = format!("{label} ({})", q.join(if w.arabic() { "، " } else { ", " }));
            }
            if let Some(Provenance::Override { .. }) = row.provenance {
                label.push_str(" *");
            }
            let long_text = matches!(&row.label, Label::Key { key } if kind_of_label(key) == Some(FieldKind::TextBlock));
            if long_text {
                flush(&mut doc, &mut pairs);
                doc.push(Block::Subheading(label));
                doc.push(Block::Paragraph(w.value(&row.value, &row.unit)));
            } else {
                pairs.push((label, w.value(&row.value, &row.unit)));
            }
        }
        flush(&mut doc, &mut pairs);
        for t in &s.tables {
            let mut columns: Vec<Column> = t
                .axes
                .iter()
                .map(|a| Column::new(w.label(a), 1.4, Align::Start))
                .collect();
            for (i, c) in t.columns.iter().enumerate() {
                let numeric = t.rows.iter().all(|(_, cells)| {
                    matches!(
                        cells.get(i),
                        Some(Some((ViewValue::Number { .. }, _))) | Some(None)
                    )
                });
                columns.push(Column::new(
                    w.label(c),
                    1.0,
                    if numeric {
                        Align::Numeric
                    } else {
                        Align::Start
                    },
                ));
            }
            let rows = t
                .rows
                .iter()
                .map(|(labels, cells)| {
                    labels
                        .iter()
                        .map(|x| w.label(x))
                        .chain(cells.iter().map(|c| w.cell(c)))
                        .collect()
                })
                .collect();
            doc.push(Block::Table(Table {
                columns,
                rows,
                style: TableStyle::Zebra,
            }));
        }
    }

    // ESRS E1.
    doc.push(Block::Heading(w.t("vsme-pdf-e1-heading")));
    doc.push(Block::Paragraph(w.t("vsme-pdf-e1-intro")));
    for (disclosure, title) in [
        ("E1-5", "vsme-e1-title-e1-5"),
        ("E1-6", "vsme-e1-title-e1-6"),
    ] {
        doc.push(Block::Subheading(w.t(title)));
        let rows: Vec<Vec<String>> = view
            .e1
            .lines
            .iter()
            .filter(|x| x.disclosure == disclosure)
            .map(|x| {
                vec![
                    w.t(&x.key),
                    w.latin(&x.esrs_concept),
                    match x.value {
                        Some(v) => w.number(v),
                        None => w.t("vsme-pdf-not-reported"),
                    },
                    w.latin(&x.unit),
                ]
            })
            .collect();
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new(w.t("vsme-pdf-col-line"), 2.4, Align::Start),
                Column::new(w.t("vsme-pdf-col-concept"), 2.6, Align::Start),
                Column::new(w.t("vsme-pdf-col-value"), 1.1, Align::Numeric),
                Column::new(w.t("vsme-pdf-col-unit"), 0.8, Align::Start),
            ],
            rows,
            style: TableStyle::Rules,
        }));
    }
    if view.e1.grid_mix_unknown {
        doc.push(Block::SmallPrint(w.t("vsme-e1-note-grid-mix")));
    }

    // Sources.
    let mut notes = Vec::new();
    if r.inventory_year.is_some()
        || r.facts
            .iter()
            .any(|f| matches!(f.provenance, Some(Provenance::Inventory { .. })))
    {
        notes.push(w.f(
            "vsme-pdf-source-inventory",
            &[("year", localise_digits(&year.to_string(), w.lang))],
        ));
    }
    if let Some(file) = &r.settings.template_file {
        notes.push(w.f(
            "vsme-pdf-source-template",
            &[
                ("file", w.latin(file)),
                (
                    "version",
                    w.latin(r.settings.template_version.as_deref().unwrap_or("–")),
                ),
            ],
        ));
    }
    for f in &r.facts {
        if let Some(Provenance::Override {
            computed, reason, ..
        }) = &f.provenance
        {
            let label = Model::get()
                .datapoint(&f.concept)
                .map(|d| w.t(&d.key))
                .unwrap_or_else(|| f.concept.clone());
            let value = match &f.value {
                FactValue::Number(n) => w.number(*n),
                _ => String::new(),
            };
            let computed = computed
                .parse::<Decimal>()
                .map(|c| w.number(c))
                .unwrap_or_else(|_| computed.clone());
            notes.push(w.f(
                "vsme-pdf-source-override",
                &[
                    ("label", label),
                    ("computed", w.latin(&computed)),
                    ("value", w.latin(&value)),
                    ("reason", reason.clone()),
                ],
            ));
        }
    }
    if !notes.is_empty() {
        doc.push(Block::Subheading(w.t("vsme-pdf-sources")));
        doc.push(Block::Footnotes(notes));
    }
    doc
}

/// The report as PDF bytes.
pub fn render(
    r: &Report,
    lang: Lang,
    prepared: OffsetDateTime,
) -> Result<Vec<u8>, athar_protocol::UiError> {
    athar_pdf::render(&document(r, lang, prepared)).map_err(|e| {
        let mut u = athar_protocol::UiError::new(e.key());
        for (k, v) in e.args() {
            u = u.arg(&k, v);
        }
        u
    })
}
