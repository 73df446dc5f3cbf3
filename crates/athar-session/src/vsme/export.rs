//! Writing the report's files: EFRAG's template filled, the ESRS E1 workbook, the PDF, the
//! Inline XBRL, and for a customer an email draft (.eml) with those files attached plus a
//! .zip of the same files.
//!
//! Why this module exists: the desktop app exports one file at a time (so it can show
//! progress) and `athar vsme export` writes them all; both call these functions. Files are
//! written with `athar_mail::save_new`, which never overwrites: a second export next to the
//! first gets `name (2).pdf` (docs/decisions/038-vsme-exports.md).

use std::path::{Path, PathBuf};

use athar_domain::Customer;
use athar_i18n::Localizer;
use athar_mail::{Attachment, Draft, MailError, Mailbox};
use athar_protocol::vsme::{VsmeExportItem, VsmeExported, VsmeSkipped};
use athar_protocol::{Lang, UiError};
use athar_vsme::ixbrl::Labels;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::report::Report;

fn keyed(key: &str, args: Vec<(String, String)>) -> UiError {
    let mut u = UiError::new(key);
    for (k, v) in args {
        u = u.arg(&k, v);
    }
    u
}

pub fn mail_error(e: MailError) -> UiError {
    keyed(e.key(), e.args())
}

/// Labels of the Inline XBRL page from Fluent.
struct FluentLabels {
    l: Localizer,
    lang: Lang,
}

impl Labels for FluentLabels {
    fn label(&self, key: &str) -> String {
        if self.l.has(key) {
            self.l.t(key)
        } else {
            athar_vsme::ixbrl::english_label(key).unwrap_or_else(|| key.to_string())
        }
    }

    fn lang(&self) -> &str {
        self.lang.code()
    }
}

/// The start of every file name: `Nile Dates VSME 2026`.
pub fn file_stem(r: &Report) -> String {
    athar_mail::safe_file_name(&format!(
        "{} VSME {}",
        r.info.entity_name.trim(),
        r.info.period_end.year()
    ))
}

/// EFRAG's template filled with the report (`blank`: the built-in or the user's template).
pub fn template_workbook(r: &Report, blank: &[u8]) -> Result<(Vec<u8>, Vec<VsmeSkipped>), UiError> {
    let filled = athar_vsme::fill_template(blank, &r.info, &r.facts)
        .map_err(|e| keyed(e.key(), e.args()))?;
    Ok((
        filled.bytes,
        filled
            .skipped
            .into_iter()
            .map(|s| VsmeSkipped {
                concept: s.concept,
                reason: s.reason,
            })
            .collect(),
    ))
}

/// The Inline XBRL document.
pub fn xhtml(r: &Report, lang: Lang) -> Result<Vec<u8>, UiError> {
    let labels = FluentLabels {
        l: Localizer::new(lang).plain(),
        lang,
    };
    athar_vsme::inline_xbrl(&r.info, &r.facts, &labels)
        .map(String::into_bytes)
        .map_err(|e| keyed(e.key(), e.args()))
}

pub fn pdf(r: &Report, lang: Lang, at: OffsetDateTime) -> Result<Vec<u8>, UiError> {
    super::pdf::render(r, lang, at)
}

fn name(r: &Report, suffix: &str) -> String {
    format!("{} {suffix}", file_stem(r))
}

fn template_name(r: &Report) -> String {
    name(r, "EFRAG template.xlsx")
}

fn pdf_name(r: &Report, lang: Lang) -> String {
    name(r, &format!("{}.pdf", lang.code()))
}

fn xhtml_name(r: &Report, lang: Lang) -> String {
    name(r, &format!("{}.xhtml", lang.code()))
}

fn e1_name(r: &Report, lang: Lang) -> String {
    name(r, &format!("ESRS E1 {}.xlsx", lang.code()))
}

fn save(dir: &Path, file: &str, bytes: &[u8]) -> Result<PathBuf, UiError> {
    athar_mail::save_new(dir, file, bytes).map_err(mail_error)
}

/// The email to one customer: the files attached, the subject and body from Fluent.
pub fn draft(
    r: &Report,
    customer: &Customer,
    lang: Lang,
    at: OffsetDateTime,
    attachments: Vec<Attachment>,
) -> Draft {
    let l = Localizer::new(lang).plain();
    let year = r.info.period_end.year().to_string();
    let args = vec![
        ("company".to_string(), r.info.entity_name.clone()),
        ("customer".to_string(), customer.name.clone()),
        ("year".to_string(), year.clone()),
    ];
    let digest = Sha256::digest(
        format!(
            "{}\u{0}{}\u{0}{}\u{0}{}",
            r.info.entity_name,
            customer.name,
            year,
            at.unix_timestamp_nanos()
        )
        .as_bytes(),
    );
    Draft {
        from: None,
        to: vec![Mailbox::named(&customer.name, customer.email.trim())],
        cc: vec![],
        subject: l.format("vsme-mail-subject", &args),
        body: l.format("vsme-mail-body", &args),
        language: Some(lang.code().to_string()),
        date: at,
        message_id: format!("vsme-{}@athar.invalid", &hex::encode(digest)[..32]),
        attachments,
    }
}

/// Where the blank template comes from, read when an export needs it.
pub enum TemplateSource<'a> {
    Bytes(&'a [u8]),
    Missing(UiError),
}

impl TemplateSource<'_> {
    fn bytes(&self) -> Result<&[u8], UiError> {
        match self {
            TemplateSource::Bytes(b) => Ok(b),
            TemplateSource::Missing(e) => Err(e.clone()),
        }
    }
}

/// Writes one item of an export into `dir`.
pub fn write_item(
    r: &Report,
    customers: &[Customer],
    template: &TemplateSource<'_>,
    dir: &Path,
    item: &VsmeExportItem,
    at: OffsetDateTime,
) -> Result<VsmeExported, UiError> {
    if !dir.is_dir() {
        return Err(UiError::new("vsme-error-folder").arg("path", dir.display()));
    }
    let shown = |p: PathBuf| p.display().to_string();
    match item {
        VsmeExportItem::Template => {
            let (bytes, skipped) = template_workbook(r, template.bytes()?)?;
            Ok(VsmeExported {
                files: vec![shown(save(dir, &template_name(r), &bytes)?)],
                skipped,
            })
        }
        VsmeExportItem::EsrsE1 { lang } => {
            let bytes = super::e1_workbook::e1_workbook(r, *lang, at)?;
            Ok(VsmeExported {
                files: vec![shown(save(dir, &e1_name(r, *lang), &bytes)?)],
                skipped: vec![],
            })
        }
        VsmeExportItem::Pdf { lang } => {
            let bytes = pdf(r, *lang, at)?;
            Ok(VsmeExported {
                files: vec![shown(save(dir, &pdf_name(r, *lang), &bytes)?)],
                skipped: vec![],
            })
        }
        VsmeExportItem::Xbrl { lang } => {
            let bytes = xhtml(r, *lang)?;
            Ok(VsmeExported {
                files: vec![shown(save(dir, &xhtml_name(r, *lang), &bytes)?)],
                skipped: vec![],
            })
        }
        VsmeExportItem::Mail { customer, lang } => {
            let c = customers
                .iter()
                .find(|c| c.name == *customer)
                .ok_or_else(|| UiError::new("vsme-error-no-customer").arg("name", customer))?;
            let (xlsx, skipped) = template_workbook(r, template.bytes()?)?;
            let mut attachments = vec![
                Attachment::new(template_name(r), xlsx),
                Attachment::new(pdf_name(r, *lang), pdf(r, *lang, at)?),
            ];
            // The Inline XBRL needs the company's identifier; without it the email still
            // carries the template and the PDF.
            if let Ok(x) = xhtml(r, *lang) {
                attachments.push(Attachment::new(xhtml_name(r, *lang), x));
            }
            attachments.push(Attachment::new(
                e1_name(r, *lang),
                super::e1_workbook::e1_workbook(r, *lang, at)?,
            ));
            let d = draft(r, c, *lang, at, attachments);
            let stem = athar_mail::safe_file_name(&format!("{} {}", file_stem(r), c.name));
            let saved = athar_mail::save_package(dir, &stem, &d).map_err(mail_error)?;
            Ok(VsmeExported {
                files: vec![shown(saved.eml), shown(saved.zip)],
                skipped,
            })
        }
    }
}

/// The customers an email package is offered for: those in the EU.
pub fn eu_customers(customers: &[Customer]) -> Vec<&Customer> {
    customers
        .iter()
        .filter(|c| athar_domain::codes::is_eu_member(&c.country))
        .collect()
}
