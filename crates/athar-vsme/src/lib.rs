//! VSME sustainability reporting: the datapoints of EFRAG's Voluntary Sustainability Reporting
//! Standard (Basic Module B1–B11, Comprehensive Module C1–C9), EFRAG's digital template in and
//! out, the company's own figures, the ESRS E1 view and the Inline XBRL report.
//!
//! Why this crate exists: since 2026 EU companies may not ask suppliers with at most 1,000
//! employees for more than the VSME, so it is the report Athar's users are asked for. The crate
//! is pure (no I/O beyond the bytes it is given) and deterministic; storage, screens and the
//! CLI call it.
//!
//! * [`model`] — every datapoint of the VSME taxonomy 2026-05-01 as data (types, units,
//!   periods, dimensions, applicability, sections, options), generated from EFRAG's files.
//! * [`fact`] — a reported value with unit, dimensions, decimals, period and provenance.
//! * [`template`] — [`facts_from_template`]: an EFRAG digital template (1.0.0–1.3.0) → facts,
//!   as EFRAG's converter reads it; [`snapshot`] prints them in the converter's snapshot shape.
//! * [`company`] — the company profile and GHG inventory → facts, with overrides;
//!   [`energy`] — energy in MWh from the inventory's lines.
//! * [`completeness`] — the "Always" datapoints missing and the "If applicable" questions open.
//! * [`esrs_e1`] — the same figures on the ESRS E1-5 and E1-6 lines.
//! * [`ixbrl`] — the Inline XBRL (XHTML) report.
//! * [`template_export`] — EFRAG's blank template 1.3.0 filled through its named ranges.
//! * [`report_view`] — the report as sections, labelled values, tables and chart series (PDF).
//! * [`number_text`] — numbers as EFRAG's (Python) converter prints them.
//!
//! Dependencies beyond the fixed stack: `athar-xlsx-fill` (in the workspace) writes the
//! template; calamine (already used by athar-import) reads it.

pub mod company;
pub mod completeness;
pub mod energy;
pub mod esrs_e1;
pub mod fact;
pub mod ixbrl;
pub mod model;
pub mod number_text;
pub mod report_view;
pub mod snapshot;
pub mod template;
pub mod template_export;

pub use company::{
    company_facts, fact_key, CompanyFacts, CompanyInputs, EntityId, GhgTarget, Override,
};
pub use completeness::{completeness, Completeness};
pub use esrs_e1::{e1_view, E1View};
pub use fact::{Fact, FactPeriod, FactUnit, FactValue, Provenance, ReportInfo};
pub use ixbrl::{inline_xbrl, Labels};
pub use model::Model;
pub use report_view::{report_view, ReportView};
pub use snapshot::snapshot_json;
pub use template::{facts_from_template, TemplateError, TemplateFacts};
pub use template_export::{embedded_template, fill_template, FilledTemplate};
