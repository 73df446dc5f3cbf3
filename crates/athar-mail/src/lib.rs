//! The package a company sends an EU customer: an `.eml` draft with the report files attached,
//! a `.zip` of the same files, and both written safely into a folder.
//!
//! Athar works offline, so it never sends mail: it writes a draft that the user's own mail
//! client opens (Outlook opens it ready to send thanks to `X-Unsent: 1`) and sends when a
//! connection exists. The caller gives the subject and body (from Fluent, in English or
//! Arabic), the date and the Message-ID, so the same input gives the same bytes.
//!
//! Crates (see `docs/decisions/018-email-drafts-with-mail-builder.md`): `mail-builder` for
//! RFC 5322/MIME with RFC 2047 and RFC 2231 encodings, `zip` (deflate only) for the archive,
//! `tempfile` for write-then-rename without overwriting, `base64` for the attachments.
//!
//! ```
//! use athar_mail::{Attachment, Draft, Mailbox};
//! let draft = Draft {
//!     from: None,
//!     to: vec![Mailbox::named("Einkauf", "einkauf@example.de")],
//!     cc: vec![],
//!     subject: "CBAM-Daten 2026".into(),
//!     body: "Guten Tag,\nanbei unsere Daten.".into(),
//!     language: Some("de".into()),
//!     date: time::macros::datetime!(2026-03-15 10:30 +02:00),
//!     message_id: "cbam-2026-0001@athar.invalid".into(),
//!     attachments: vec![Attachment::new("summary.pdf", b"%PDF-1.7".to_vec())],
//! };
//! let eml = draft.to_eml().unwrap();
//! assert!(eml.windows(11).any(|w| w == b"X-Unsent: 1"));
//! ```

mod archive;
mod draft;
mod error;
mod save;

pub use archive::zip_files;
pub use draft::{content_type_for, Attachment, Draft, Mailbox};
pub use error::MailError;
pub use save::{safe_file_name, save_new, save_package, SavedPackage};
