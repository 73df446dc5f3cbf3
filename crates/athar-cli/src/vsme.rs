//! `athar vsme import`, `athar vsme facts` and `athar vsme export`: the VSME report without a
//! window, through the same session code as the desktop app (`athar_session::vsme`).

use std::path::{Path, PathBuf};

use athar_i18n::Localizer;
use athar_protocol::vsme::{VsmeExportItem, VsmeSkipped};
use athar_protocol::{Lang, UiError};
use athar_session::store_error;
use athar_session::vsme::{export, import, message, report_of, templates};
use serde::Serialize;

use crate::{actor, open, print_json, Failure};

#[derive(Serialize)]
struct ImportOutput {
    file_name: String,
    template_version: Option<String>,
    facts: usize,
    inserted: u64,
    updated: u64,
    unchanged: u64,
    removed: u64,
    messages: Vec<MessageOutput>,
}

#[derive(Serialize)]
struct MessageOutput {
    severity: String,
    key: String,
    cell: Option<String>,
    message: String,
}

pub fn import_template(
    l: &Localizer,
    file: &Path,
    template: &Path,
    json: bool,
) -> Result<(), Failure> {
    let mut f = open(file)?;
    let (t, outcome, facts) = import(&mut f, template, &actor())?;
    let messages: Vec<MessageOutput> = t
        .messages
        .iter()
        .map(|m| {
            let p = message(m);
            MessageOutput {
                severity: format!("{:?}", p.severity).to_lowercase(),
                key: p.message.key.clone(),
                cell: p.cell.clone(),
                message: l.error(&p.message),
            }
        })
        .collect();
    let file_name = template
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if json {
        print_json(&ImportOutput {
            file_name,
            template_version: t.info.template_version.clone(),
            facts,
            inserted: outcome.inserted,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
            removed: outcome.removed,
            messages,
        });
    } else {
        println!(
            "{}",
            l.format(
                "cli-vsme-imported",
                &[
                    ("file".into(), file_name),
                    ("facts".into(), facts.to_string()),
                    ("inserted".into(), outcome.inserted.to_string()),
                    ("updated".into(), outcome.updated.to_string()),
                    ("removed".into(), outcome.removed.to_string()),
                ]
            )
        );
        for m in &messages {
            match &m.cell {
                Some(c) => println!("  {c}: {}", m.message),
                None => println!("  {}", m.message),
            }
        }
    }
    Ok(())
}

/// The facts of a template, in the shape of EFRAG's converter snapshot (`--json`), or one
/// line per fact.
pub fn facts(l: &Localizer, template: &Path, json: bool) -> Result<(), Failure> {
    let bytes = std::fs::read(template).map_err(|e| {
        UiError::new("vsme-error-template-unreadable")
            .arg("path", template.display())
            .arg("detail", e)
    })?;
    let t = athar_vsme::facts_from_template(&bytes).map_err(|e| {
        let mut u = UiError::new(e.key());
        for (k, v) in e.args() {
            u = u.arg(&k, v);
        }
        Failure::from(u.arg("path", template.display()))
    })?;
    if json {
        println!("{}", athar_vsme::snapshot_json(&t.facts, &t.messages));
        return Ok(());
    }
    for f in &t.facts {
        let (v, unit) = athar_vsme::report_view::view_value(f);
        let value = match v {
            athar_vsme::report_view::ViewValue::Number { value, .. } => value.to_string(),
            _ => match &f.value {
                athar_vsme::FactValue::Text(t) => t.clone(),
                athar_vsme::FactValue::Bool(b) => b.to_string(),
                athar_vsme::FactValue::Date(d) => athar_session::vsme::convert::iso_date(*d),
                athar_vsme::FactValue::Year(y) => y.to_string(),
                athar_vsme::FactValue::Members(m) => m.join(" "),
                athar_vsme::FactValue::Number(n) => n.to_string(),
            },
        };
        println!(
            "{}",
            l.format(
                "cli-vsme-fact",
                &[
                    ("key".into(), athar_vsme::fact_key(f)),
                    ("value".into(), value),
                    ("unit".into(), unit),
                ]
            )
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct Failed {
    item: String,
    key: String,
    message: String,
}

#[derive(Serialize)]
struct ExportOutput {
    files: Vec<String>,
    skipped: Vec<VsmeSkipped>,
    failed: Vec<Failed>,
}

pub struct ExportOptions<'a> {
    pub file: &'a Path,
    pub out: &'a Path,
    pub lang: Lang,
    pub customer: Option<&'a str>,
    pub template: Option<&'a Path>,
    pub json: bool,
}

/// The blank template: `--template`, else the one chosen in the desktop app's settings, else
/// the built-in one.
fn blank(template: Option<&Path>) -> Result<Vec<u8>, UiError> {
    let chosen: Option<PathBuf> = template.map(Path::to_path_buf).or_else(|| {
        athar_prefs::PrefsFile::default_location()
            .load()
            .vsme_template
    });
    match chosen {
        Some(p) => templates::read_template(&p).map(|(b, _)| b),
        None => athar_vsme::embedded_template()
            .map(<[u8]>::to_vec)
            .ok_or_else(|| UiError::new("vsme-error-no-template")),
    }
}

pub fn export_report(l: &Localizer, o: &ExportOptions<'_>) -> Result<(), Failure> {
    let f = open(o.file)?;
    let report = report_of(&f)?;
    let customers = f.load().map_err(store_error)?.customers;
    if let Some(c) = o.customer {
        if !customers.iter().any(|x| x.name == c) {
            return Err(UiError::new("vsme-error-no-customer").arg("name", c).into());
        }
    }
    let blank = blank(o.template);
    let source = match &blank {
        Ok(b) => export::TemplateSource::Bytes(b),
        Err(e) => export::TemplateSource::Missing(e.clone()),
    };
    let mut items = vec![
        ("template", VsmeExportItem::Template),
        ("esrs-e1", VsmeExportItem::EsrsE1 { lang: o.lang }),
        ("pdf", VsmeExportItem::Pdf { lang: o.lang }),
        ("xbrl", VsmeExportItem::Xbrl { lang: o.lang }),
    ];
    if let Some(c) = o.customer {
        items.push((
            "mail",
            VsmeExportItem::Mail {
                customer: c.to_string(),
                lang: o.lang,
            },
        ));
    }
    let at = time::OffsetDateTime::now_utc();
    let mut out = ExportOutput {
        files: vec![],
        skipped: vec![],
        failed: vec![],
    };
    for (name, item) in &items {
        match export::write_item(&report, &customers, &source, o.out, item, at) {
            Ok(done) => {
                out.files.extend(done.files);
                for s in done.skipped {
                    if !out.skipped.contains(&s) {
                        out.skipped.push(s);
                    }
                }
            }
            Err(e) => out.failed.push(Failed {
                item: name.to_string(),
                key: e.key.clone(),
                message: l.error(&e),
            }),
        }
    }
    if o.json {
        print_json(&out);
    } else {
        for f in &out.files {
            println!(
                "{}",
                l.format("cli-vsme-written", &[("path".into(), f.clone())])
            );
        }
        for f in &out.failed {
            eprintln!("athar: {}: {}", f.item, f.message);
        }
    }
    match out.failed.first() {
        None => Ok(()),
        Some(first) => Err(Failure {
            error: UiError::new("cli-vsme-export-failed")
                .arg("count", out.failed.len())
                .arg("first", &first.item),
            code: 4,
        }),
    }
}

/// Settings given on the command line; `None` keeps the stored value, an empty text clears it.
pub struct SettingsChange {
    pub name: Option<String>,
    pub scheme: Option<String>,
    pub identifier: Option<String>,
    pub currency: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub base_year: Option<i32>,
    pub target_year: Option<i32>,
    pub scope12_reduction: Option<String>,
    pub scope3_reduction: Option<String>,
}

fn percent(field: &str, text: &str) -> Result<Option<rust_decimal::Decimal>, Failure> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    athar_session::vsme::convert::parse_number(text)
        .map(|p| Some((p / rust_decimal::Decimal::ONE_HUNDRED).normalize()))
        .ok_or_else(|| {
            UiError::invalid(vec![athar_domain::FieldError::new(field, "v-number")]).into()
        })
}

pub fn settings(l: &Localizer, file: &Path, c: SettingsChange, json: bool) -> Result<(), Failure> {
    let mut f = open(file)?;
    let current = f.vsme_settings().map_err(store_error)?;
    let mut v = athar_session::vsme::settings_to_protocol(&current);
    let set = |target: &mut String, value: Option<String>| {
        if let Some(x) = value {
            *target = x;
        }
    };
    set(&mut v.entity_name, c.name);
    set(&mut v.entity_scheme, c.scheme);
    set(&mut v.entity_identifier, c.identifier);
    set(&mut v.currency, c.currency);
    set(&mut v.period_start, c.from);
    set(&mut v.period_end, c.to);
    if c.base_year.is_some() {
        v.target_base_year = c.base_year;
    }
    if c.target_year.is_some() {
        v.target_year = c.target_year;
    }
    if let Some(p) = c.scope12_reduction {
        v.scope12_reduction = percent("settings.scope12_reduction", &p)?;
    }
    if let Some(p) = c.scope3_reduction {
        v.scope3_reduction = percent("settings.scope3_reduction", &p)?;
    }
    let new = athar_session::vsme::settings_from_protocol(&v, &current)?;
    f.save_vsme_settings(&new, &actor()).map_err(store_error)?;
    let shown = athar_session::vsme::settings_to_protocol(&new);
    if json {
        print_json(&shown);
    } else {
        for (k, val) in serde_json::to_value(&shown)
            .ok()
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default()
        {
            let text = match val {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            println!(
                "{}",
                l.format(
                    "cli-vsme-setting",
                    &[("name".into(), k), ("value".into(), text)]
                )
            );
        }
    }
    Ok(())
}
