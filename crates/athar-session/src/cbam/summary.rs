//! The PDF "Embedded emissions summary" an EU importer receives with the workbook: the
//! installation, each good's SEE (direct, indirect, total), the method and the share resting
//! on default values, the source of the electricity emission factor, and each good against
//! the default value that would otherwise apply (priced at the EU carbon price when the user
//! entered one).
//!
//! Why this module exists: the workbook is for the importer's systems; a person reads this.
//! It is described once as `athar_pdf` blocks with every word from Fluent, in English or
//! Arabic; in Arabic, codes, units and Latin names are isolated (LRI/PDI, FSI/PDI) so they
//! stay left to right inside right-to-left lines, and numbers and dates take Arabic-Indic
//! digits. No creation date is written, so the same data gives the same bytes.

use std::collections::BTreeSet;

use athar_cbam::model::ElectricityEfSource;
use athar_cbam::{CbamResults, DefaultComparison, Installation};
use athar_domain::{CompanyData, Customer};
use athar_i18n::Localizer;
use athar_pdf::{
    format_date, format_decimal, format_percent, ltr, Align, Bar, BarChart, Block, Column,
    Document, Language, Table, TableStyle,
};
use athar_protocol::Lang;
use rust_decimal::Decimal;

/// Decimals of SEE values in the summary (the workbook keeps full precision).
const SEE_DECIMALS: u32 = 3;

struct Text<'a> {
    l: &'a Localizer,
    lang: Language,
}

impl Text<'_> {
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

    fn ar(&self) -> bool {
        self.lang == Language::Arabic
    }

    /// A code, unit or number-like text: left to right even inside Arabic.
    fn code(&self, s: &str) -> String {
        if self.ar() {
            ltr(s)
        } else {
            s.to_string()
        }
    }

    /// A name of any script: its own direction inside Arabic (first strong character).
    fn name(&self, s: &str) -> String {
        if self.ar() {
            format!("\u{2068}{s}\u{2069}")
        } else {
            s.to_string()
        }
    }

    fn num(&self, v: Decimal, decimals: u32) -> String {
        format_decimal(v, self.lang, decimals)
    }

    fn dash(&self) -> String {
        "–".to_string()
    }
}

/// Fluent key of an electricity emission factor's source.
pub fn ef_source_key(s: ElectricityEfSource) -> &'static str {
    match s {
        ElectricityEfSource::D4a => "cbam-ef-source-d4a",
        ElectricityEfSource::D4b => "cbam-ef-source-d4b",
        ElectricityEfSource::D41 => "cbam-ef-source-d41",
        ElectricityEfSource::D42 => "cbam-ef-source-d42",
        ElectricityEfSource::D431 => "cbam-ef-source-d431",
        ElectricityEfSource::D432 => "cbam-ef-source-d432",
        ElectricityEfSource::Mix => "cbam-ef-source-mix",
    }
}

/// Fluent key of how a good's SEE was obtained, from its share on default values.
pub fn method_key(default_share: Decimal) -> &'static str {
    if default_share.is_zero() {
        "cbam-method-actual"
    } else if default_share >= Decimal::ONE {
        "cbam-method-default"
    } else {
        "cbam-method-mixed"
    }
}

fn ef_source_text(x: &Text<'_>, s: Option<ElectricityEfSource>) -> String {
    match s {
        Some(s) => format!("{} · {}", x.code(s.code()), x.t(ef_source_key(s))),
        None => x.t("cbam-ef-source-none"),
    }
}

/// The summary for `customer` (or for no one in particular).
#[allow(clippy::too_many_arguments)]
pub fn summary_document(
    l: &Localizer,
    lang: Lang,
    company: &CompanyData,
    inst: &Installation,
    results: &CbamResults,
    compared: &[DefaultComparison],
    carbon_price: Option<Decimal>,
    customer: Option<&Customer>,
) -> Document {
    let language = match lang {
        Lang::En => Language::English,
        Lang::Ar => Language::Arabic,
    };
    let x = Text { l, lang: language };
    let company_name = if x.ar() && !company.profile.legal_name_ar.trim().is_empty() {
        company.profile.legal_name_ar.clone()
    } else {
        company.profile.legal_name_en.clone()
    };
    let installation_name = inst.about.name_en.clone();
    let mut doc = Document::new(language, x.t("cbam-pdf-title"));
    doc.subtitle = Some(match customer {
        Some(c) => x.f(
            "cbam-pdf-subtitle-for",
            &[
                ("company", x.name(&company_name)),
                ("customer", x.name(&c.name)),
            ],
        ),
        None => x.f("cbam-pdf-subtitle", &[("company", x.name(&company_name))]),
    });
    doc.author = Some(company.profile.legal_name_en.clone());
    doc.running_header = Some(x.f(
        "cbam-pdf-header",
        &[("installation", x.name(&installation_name))],
    ));
    doc.footer = Some(x.f(
        "cbam-pdf-footer",
        &[("regulation", x.code(&x.num_text("2025/2547")))],
    ));
    doc.page_label = Some(l.format(
        "pdf-page-of",
        &[
            ("page".to_string(), "{page}".to_string()),
            ("pages".to_string(), "{pages}".to_string()),
        ],
    ));

    doc.push(Block::KeyValues(about_rows(&x, company, inst, customer)));

    // SEE per good.
    doc.push(Block::Heading(x.t("cbam-pdf-see-heading")));
    doc.push(Block::Paragraph(
        x.f("cbam-pdf-see-note", &[("unit", x.code("tCO2e/t"))]),
    ));
    let see_rows: Vec<Vec<String>> = results
        .products
        .iter()
        .map(|p| {
            vec![
                x.code(&p.cn_code),
                x.name(&p.name),
                x.t(method_key(p.default_share)),
                x.num(p.see_direct, SEE_DECIMALS),
                x.num(p.see_indirect, SEE_DECIMALS),
                x.num(p.see_total, SEE_DECIMALS),
                format_percent(p.default_share, language),
            ]
        })
        .collect();
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(x.t("cbam-pdf-col-cn"), 1.3, Align::Start),
            Column::new(x.t("cbam-pdf-col-good"), 3.0, Align::Start),
            Column::new(x.t("cbam-pdf-col-method"), 1.3, Align::Start),
            Column::new(x.t("cbam-pdf-col-direct"), 1.2, Align::Numeric),
            Column::new(x.t("cbam-pdf-col-indirect"), 1.2, Align::Numeric),
            Column::new(x.t("cbam-pdf-col-total"), 1.2, Align::Numeric),
            Column::new(x.t("cbam-pdf-col-default-share"), 1.2, Align::Numeric),
        ],
        rows: see_rows,
        style: TableStyle::Zebra,
    }));
    let mut notes = Vec::new();
    if results.products.iter().any(|p| p.unit != "tCO2e/t") {
        notes.push(x.f("cbam-pdf-unit-per-mwh", &[("unit", x.code("tCO2e/MWh"))]));
    }
    if results.products.iter().any(|p| !p.indirect_counts) {
        notes.push(x.t("cbam-pdf-indirect-not-counted"));
    }
    if !notes.is_empty() {
        doc.push(Block::Footnotes(notes));
    }
    if !results.products.is_empty() {
        doc.push(Block::BarChart(BarChart {
            title: Some(x.t("cbam-pdf-chart-title")),
            axis_label: Some(x.code("tCO2e/t")),
            bars: results
                .products
                .iter()
                .take(12)
                .map(|p| Bar {
                    label: format!("{} {}", x.code(&p.cn_code), x.name(&p.name)),
                    value: p.see_total,
                    colour: None,
                })
                .collect(),
            decimals: SEE_DECIMALS,
        }));
    }

    // Electricity: the embedded electricity per good and where each EF comes from.
    doc.push(Block::Heading(x.t("cbam-pdf-electricity-heading")));
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(x.t("cbam-pdf-col-cn"), 1.3, Align::Start),
            Column::new(x.t("cbam-pdf-col-good"), 3.0, Align::Start),
            Column::new(x.t("cbam-pdf-col-electricity"), 1.6, Align::Numeric),
            Column::new(x.t("cbam-pdf-col-ef-source"), 3.0, Align::Start),
        ],
        rows: results
            .products
            .iter()
            .map(|p| {
                vec![
                    x.code(&p.cn_code),
                    x.name(&p.name),
                    p.embedded_electricity
                        .map(|e| x.num(e, SEE_DECIMALS))
                        .unwrap_or_else(|| x.dash()),
                    ef_source_text(&x, p.ef_source),
                ]
            })
            .collect(),
        style: TableStyle::Rules,
    }));
    doc.push(Block::Subheading(x.t("cbam-pdf-processes-heading")));
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(x.t("cbam-pdf-col-process"), 2.6, Align::Start),
            Column::new(x.t("cbam-pdf-col-consumed"), 1.5, Align::Numeric),
            Column::new(x.t("cbam-pdf-col-ef"), 1.4, Align::Numeric),
            Column::new(x.t("cbam-pdf-col-ef-source"), 3.0, Align::Start),
        ],
        rows: inst
            .processes
            .iter()
            .map(|p| {
                vec![
                    x.name(&p.name),
                    p.electricity
                        .consumed_mwh
                        .map(|v| x.num(v, 0))
                        .unwrap_or_else(|| x.dash()),
                    p.electricity
                        .ef
                        .map(|v| x.num(v, 4))
                        .unwrap_or_else(|| x.dash()),
                    ef_source_text(&x, p.electricity.ef_source),
                ]
            })
            .collect(),
        style: TableStyle::Rules,
    }));

    // Default values as a yardstick.
    doc.push(Block::Heading(x.t("cbam-pdf-defaults-heading")));
    let markups: BTreeSet<Decimal> = compared.iter().map(|c| c.markup_rate).collect();
    let year = compared
        .first()
        .map(|c| c.year)
        .unwrap_or(results.reporting_year);
    doc.push(Block::Paragraph(
        x.f(
            "cbam-pdf-defaults-note",
            &[
                ("year", x.num_text(&year.to_string())),
                ("country", x.code(&inst.about.country)),
                (
                    "markup",
                    markups
                        .iter()
                        .map(|m| format_percent(*m, language))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        ),
    ));
    let mut columns = vec![
        Column::new(x.t("cbam-pdf-col-cn"), 1.3, Align::Start),
        Column::new(x.t("cbam-pdf-col-good"), 2.6, Align::Start),
        Column::new(x.t("cbam-pdf-col-actual"), 1.2, Align::Numeric),
        Column::new(x.t("cbam-pdf-col-default"), 1.2, Align::Numeric),
        Column::new(x.t("cbam-pdf-col-difference"), 1.2, Align::Numeric),
    ];
    if carbon_price.is_some() {
        columns.push(Column::new(
            x.t("cbam-pdf-col-cost-actual"),
            1.3,
            Align::Numeric,
        ));
        columns.push(Column::new(
            x.t("cbam-pdf-col-cost-default"),
            1.3,
            Align::Numeric,
        ));
    }
    let mut missing = Vec::new();
    let rows = compared
        .iter()
        .zip(&results.products)
        .map(|(c, p)| {
            let opt =
                |v: Option<Decimal>, d: u32| v.map(|v| x.num(v, d)).unwrap_or_else(|| x.dash());
            if let Some(e) = &c.lookup_error {
                missing.push(format!(
                    "{} {}: {}",
                    x.code(&c.cn_code),
                    x.name(&p.name),
                    l.format(e.key(), &e.args())
                ));
            }
            let difference = c
                .chargeable_default
                .and_then(|d| c.chargeable_actual.checked_sub(d));
            let mut row = vec![
                x.code(&c.cn_code),
                x.name(&p.name),
                x.num(c.chargeable_actual, SEE_DECIMALS),
                opt(c.chargeable_default, SEE_DECIMALS),
                opt(difference, SEE_DECIMALS),
            ];
            if carbon_price.is_some() {
                row.push(opt(c.cost_actual, 2));
                row.push(opt(c.cost_default, 2));
            }
            row
        })
        .collect();
    doc.push(Block::Table(Table {
        columns,
        rows,
        style: TableStyle::Zebra,
    }));
    let mut notes = vec![x.t("cbam-pdf-chargeable-note")];
    match carbon_price {
        Some(price) => notes.push(x.f(
            "cbam-pdf-price-note",
            &[("price", x.code(&format!("{} EUR/tCO2e", x.num(price, 2))))],
        )),
        None => notes.push(x.t("cbam-pdf-no-price")),
    }
    notes.extend(missing);
    doc.push(Block::Footnotes(notes));
    doc.push(Block::SmallPrint(x.t("cbam-pdf-method-note")));
    doc
}

impl Text<'_> {
    /// Digits in the document's script (years, regulation numbers).
    fn num_text(&self, s: &str) -> String {
        athar_pdf::localise_digits(s, self.lang)
    }
}

fn about_rows(
    x: &Text<'_>,
    company: &CompanyData,
    inst: &Installation,
    customer: Option<&Customer>,
) -> Vec<(String, String)> {
    let a = &inst.about;
    let mut rows = Vec::new();
    let mut name = x.name(&a.name_en);
    if !a.name.trim().is_empty() && a.name != a.name_en {
        name = format!("{name} · {}", x.name(&a.name));
    }
    rows.push((x.t("cbam-pdf-installation"), name));
    rows.push((
        x.t("cbam-pdf-operator"),
        x.name(&company.profile.legal_name_en),
    ));
    let address: Vec<String> = [&a.street, &a.post_code, &a.city]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| x.name(s))
        .chain(std::iter::once(x.code(&a.country)))
        .collect();
    rows.push((x.t("cbam-pdf-address"), address.join(", ")));
    if !a.unlocode.is_empty() {
        rows.push((x.t("cbam-pdf-unlocode"), x.code(&a.unlocode)));
    }
    if let (Some(lat), Some(lon)) = (a.latitude, a.longitude) {
        rows.push((
            x.t("cbam-pdf-coordinates"),
            x.code(&format!("{}, {}", lat.normalize(), lon.normalize())),
        ));
    }
    rows.push((
        x.t("cbam-pdf-period"),
        x.f(
            "cbam-pdf-period-value",
            &[
                ("start", format_date(inst.reporting_period.start, x.lang)),
                ("end", format_date(inst.reporting_period.end, x.lang)),
            ],
        ),
    ));
    if let Some(v) = inst.verifier.as_ref().filter(|v| !v.is_empty()) {
        let mut text = x.name(&v.company_name);
        if !v.accreditation_number.is_empty() {
            text = format!("{text} ({})", x.code(&v.accreditation_number));
        }
        rows.push((x.t("cbam-pdf-verifier"), text));
    }
    let r = &a.representative;
    let mut contact = Vec::new();
    if !r.name.trim().is_empty() {
        contact.push(x.name(&r.name));
    }
    for code in [&r.email, &r.telephone] {
        if !code.trim().is_empty() {
            contact.push(x.code(code));
        }
    }
    if !contact.is_empty() {
        rows.push((x.t("cbam-pdf-contact"), contact.join(", ")));
    }
    if let Some(c) = customer {
        rows.push((
            x.t("cbam-pdf-importer"),
            format!("{}, {}", x.name(&c.name), x.code(&c.country)),
        ));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_follows_the_default_share() {
        assert_eq!(method_key(Decimal::ZERO), "cbam-method-actual");
        assert_eq!(method_key(Decimal::new(25, 2)), "cbam-method-mixed");
        assert_eq!(method_key(Decimal::ONE), "cbam-method-default");
        for s in ElectricityEfSource::ALL {
            assert!(Localizer::new(Lang::Ar).has(ef_source_key(s)));
        }
    }
}
