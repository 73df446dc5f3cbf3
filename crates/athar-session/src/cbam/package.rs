//! The CBAM export: the Commission's workbook filled from the installation, the PDF
//! "Embedded emissions summary" per EU importer, and per customer an `.eml` draft with both
//! attached plus a `.zip` of the same files.
//!
//! Why this module exists: `athar cbam export` and the desktop app's export button must write
//! the same files. Files are written with `athar_mail::save_new`/`save_package`, which never
//! overwrite (a second export beside the first gets `name (2).pdf`). The caller hears of each
//! file as it is written, so the app can show progress.

use std::path::Path;

use athar_domain::Validate;
use athar_domain::{CompanyData, Customer};
use athar_i18n::Localizer;
use athar_mail::{Attachment, Draft, MailError, Mailbox};
use athar_protocol::cbam::{
    CbamExportProgress, CbamExportReport, CbamExportedFile, CbamFileKind, CbamSkipped,
};
use athar_protocol::{Lang, UiError};
use athar_store::{CompanyFile, InstallationRecord};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::{calc_error, comparison, compute, export_error, summary};
use crate::store_error;

/// What to export.
pub struct ExportRequest<'a> {
    pub company: &'a CompanyData,
    pub record: &'a InstallationRecord,
    /// The blank communication template (xlsx bytes).
    pub blank: &'a [u8],
    pub dir: &'a Path,
    pub lang: Lang,
    /// Only this customer (by name, case and surrounding spaces ignored).
    pub customer: Option<&'a str>,
    /// EUR per t CO2e, for the certificate-cost comparison in the summary.
    pub carbon_price: Option<Decimal>,
    /// The export time: the emails' date and the zip entries' time.
    pub now: OffsetDateTime,
}

/// What an export wrote, with the files per customer (for the export log).
pub struct Exported {
    pub report: CbamExportReport,
    /// Customer name (`""` for the files not addressed to one) → file names.
    pub per_customer: Vec<(String, Vec<String>)>,
}

pub fn mail_error(e: MailError) -> UiError {
    let mut u = UiError::new(e.key());
    u.args = e.args();
    u
}

fn file_record(
    kind: CbamFileKind,
    path: &Path,
    bytes: usize,
    customer: Option<&str>,
) -> CbamExportedFile {
    CbamExportedFile {
        kind,
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes: bytes as u64,
        customer: customer.map(str::to_string),
    }
}

/// The customers the export is for, and those left out with the reason.
fn recipients<'c>(
    company: &'c CompanyData,
    only: Option<&str>,
) -> Result<(Vec<&'c Customer>, Vec<CbamSkipped>), UiError> {
    if let Some(name) = only {
        let wanted = name.trim().to_lowercase();
        let c = company
            .customers
            .iter()
            .find(|c| c.name.trim().to_lowercase() == wanted)
            .ok_or_else(|| UiError::new("cbam-error-customer-unknown").arg("name", name))?;
        return Ok((vec![c], Vec::new()));
    }
    let mut chosen = Vec::new();
    let mut skipped = Vec::new();
    for c in &company.customers {
        if athar_domain::codes::is_eu_member(&c.country) {
            chosen.push(c);
        } else {
            skipped.push(CbamSkipped {
                customer: c.name.clone(),
                key: "cbam-skip-not-eu".into(),
            });
        }
    }
    Ok((chosen, skipped))
}

/// The email to one customer: subject and body from Fluent in `lang`.
fn draft(
    l: &Localizer,
    req: &ExportRequest<'_>,
    customer: &Customer,
    attachments: Vec<Attachment>,
) -> Draft {
    let inst = &req.record.installation;
    let company = &req.company.profile;
    let contact = &inst.about.representative;
    let args = vec![
        ("company".to_string(), company.legal_name_en.clone()),
        ("customer".to_string(), customer.name.clone()),
        ("installation".to_string(), inst.about.name_en.clone()),
        (
            "year".to_string(),
            inst.reporting_period.end.year().to_string(),
        ),
        ("products".to_string(), inst.products.len().to_string()),
        (
            "contact".to_string(),
            if contact.name.is_empty() {
                company.legal_name_en.clone()
            } else {
                contact.name.clone()
            },
        ),
    ];
    let digest = Sha256::digest(
        format!(
            "{}\u{0}{}\u{0}{}\u{0}{}",
            company.legal_name_en,
            customer.name,
            req.record.id,
            req.now.unix_timestamp_nanos()
        )
        .as_bytes(),
    );
    let from = (!contact.email.trim().is_empty()
        && athar_domain::validation::is_email(&contact.email))
    .then(|| {
        if contact.name.is_empty() {
            Mailbox::new(contact.email.trim())
        } else {
            Mailbox::named(&contact.name, contact.email.trim())
        }
    });
    Draft {
        from,
        to: vec![Mailbox::named(&customer.name, customer.email.trim())],
        cc: vec![],
        subject: l.format("cbam-mail-subject", &args),
        body: l.format("cbam-mail-body", &args),
        language: Some(req.lang.code().to_string()),
        date: req.now,
        message_id: format!("cbam-{}@athar.invalid", &hex::encode(digest)[..32]),
        attachments,
    }
}

/// Writes the export into `req.dir`; `progress` hears of every step.
pub fn export(
    req: &ExportRequest<'_>,
    progress: &mut dyn FnMut(CbamExportProgress),
) -> Result<Exported, UiError> {
    let start = std::time::Instant::now();
    let inst = &req.record.installation;
    if !req.dir.is_dir() {
        return Err(UiError::new("cbam-error-out-dir").arg("path", req.dir.display()));
    }
    let problems = inst.validate();
    if !problems.is_empty() {
        return Err(calc_error(&athar_cbam::CalcError::Invalid(problems)));
    }
    let (customers, mut skipped) = recipients(req.company, req.customer)?;
    let l = Localizer::new(req.lang).plain();
    let year = inst.reporting_period.end.year().to_string();
    let name = inst.about.name_en.trim().to_string();
    // Compute, the workbook, a summary per customer (one if none), an email per customer.
    let summaries = customers.len().max(1);
    let total = (2 + summaries + customers.len()) as u32;
    let mut done = 0u32;
    let mut step = |key: &str, file: &str| {
        done += 1;
        progress(CbamExportProgress {
            done,
            total,
            key: key.to_string(),
            file: file.to_string(),
        });
    };

    let results = compute(inst).map_err(|e| calc_error(&e))?;
    let compared = comparison(inst, &results, req.carbon_price)?;
    step("cbam-progress-computed", &name);

    let mut files = Vec::new();
    let mut per_customer: Vec<(String, Vec<String>)> = Vec::new();
    let workbook = athar_cbam_template::export_template(req.blank, inst, &results)
        .map_err(|e| export_error(&e))?;
    let workbook_name = athar_mail::safe_file_name(&format!(
        "{}.xlsx",
        l.format(
            "cbam-file-workbook",
            &[
                ("installation".into(), name.clone()),
                ("year".into(), year.clone())
            ]
        )
    ));
    let path = athar_mail::save_new(req.dir, &workbook_name, &workbook).map_err(mail_error)?;
    let workbook_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(workbook_name);
    files.push(file_record(
        CbamFileKind::Workbook,
        &path,
        workbook.len(),
        None,
    ));
    step("cbam-progress-file", &workbook_name);
    per_customer.push((String::new(), vec![workbook_name.clone()]));

    let targets: Vec<Option<&Customer>> = if customers.is_empty() {
        vec![None]
    } else {
        customers.iter().copied().map(Some).collect()
    };
    for customer in targets {
        let doc = summary::summary_document(
            &l,
            req.lang,
            req.company,
            inst,
            &results,
            &compared,
            req.carbon_price,
            customer,
        );
        let pdf = athar_pdf::render(&doc).map_err(|e| {
            let mut u = UiError::new(e.key());
            u.args = e.args();
            u
        })?;
        let mut args = vec![
            ("installation".to_string(), name.clone()),
            ("year".to_string(), year.clone()),
        ];
        let key = match customer {
            Some(c) => {
                args.push(("customer".to_string(), c.name.clone()));
                "cbam-file-summary-for"
            }
            None => "cbam-file-summary",
        };
        let pdf_name = athar_mail::safe_file_name(&format!("{}.pdf", l.format(key, &args)));
        let pdf_path = athar_mail::save_new(req.dir, &pdf_name, &pdf).map_err(mail_error)?;
        let pdf_name = pdf_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(pdf_name);
        files.push(file_record(
            CbamFileKind::Summary,
            &pdf_path,
            pdf.len(),
            customer.map(|c| c.name.as_str()),
        ));
        step("cbam-progress-file", &pdf_name);
        let Some(c) = customer else {
            per_customer[0].1.push(pdf_name);
            continue;
        };
        let mut written = vec![workbook_name.clone(), pdf_name.clone()];
        if c.email.trim().is_empty() {
            skipped.push(CbamSkipped {
                customer: c.name.clone(),
                key: "cbam-skip-no-email".into(),
            });
            step("cbam-progress-skipped", &c.name);
        } else {
            let d = draft(
                &l,
                req,
                c,
                vec![
                    Attachment::new(&workbook_name, workbook.clone()),
                    Attachment::new(&pdf_name, pdf),
                ],
            );
            let stem = l.format(
                "cbam-file-package",
                &[
                    ("installation".into(), name.clone()),
                    ("year".into(), year.clone()),
                    ("customer".into(), c.name.clone()),
                ],
            );
            let saved = athar_mail::save_package(req.dir, &stem, &d).map_err(mail_error)?;
            for (kind, p) in [
                (CbamFileKind::Email, &saved.eml),
                (CbamFileKind::Archive, &saved.zip),
            ] {
                let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
                let rec = file_record(kind, p, size as usize, Some(&c.name));
                written.push(rec.file_name.clone());
                files.push(rec);
            }
            step(
                "cbam-progress-file",
                &saved
                    .eml
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        per_customer.push((c.name.clone(), written));
    }
    if per_customer.len() > 1 {
        // The workbook went to every customer; no entry of its own.
        per_customer.remove(0);
    }
    Ok(Exported {
        report: CbamExportReport {
            out_dir: req.dir.display().to_string(),
            files,
            skipped,
            millis: start.elapsed().as_millis() as u64,
        },
        per_customer,
    })
}

/// Notes the export in the company file's export log (one entry per customer).
pub fn record(
    f: &mut CompanyFile,
    installation_id: &str,
    lang: Lang,
    out: &Exported,
    actor: &str,
) -> Result<(), UiError> {
    for (customer, files) in &out.per_customer {
        f.record_cbam_export(installation_id, customer, lang.code(), files, actor)
            .map_err(store_error)?;
    }
    Ok(())
}
