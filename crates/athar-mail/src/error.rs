//! Why an email package could not be made. [`MailError::key`] gives the Fluent key (messages
//! in `locales/*/reports.ftl`), [`MailError::args`] its arguments.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the email has no recipient")]
    NoRecipient,
    #[error("{address:?} is not an email address")]
    InvalidAddress { address: String },
    #[error("{id:?} is not a valid Message-ID (it must look like unique-part@domain)")]
    InvalidMessageId { id: String },
    #[error("the date {date} cannot be written in an email or a zip file")]
    DateOutOfRange { date: String },
    #[error("{name:?} cannot be used as an attachment file name")]
    InvalidFileName { name: String },
    #[error("two attachments are named {name:?}")]
    DuplicateFileName { name: String },
    #[error("the zip file could not be made: {detail}")]
    Zip { detail: String },
    #[error("the folder {} does not exist", path.display())]
    FolderMissing { path: PathBuf },
    #[error("no free file name for {name} in {}", dir.display())]
    NoFreeName { dir: PathBuf, name: String },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl MailError {
    pub fn key(&self) -> &'static str {
        match self {
            MailError::NoRecipient => "mail-no-recipient",
            MailError::InvalidAddress { .. } => "mail-invalid-address",
            MailError::InvalidMessageId { .. } => "mail-invalid-message-id",
            MailError::DateOutOfRange { .. } => "mail-date-out-of-range",
            MailError::InvalidFileName { .. } => "mail-invalid-file-name",
            MailError::DuplicateFileName { .. } => "mail-duplicate-file-name",
            MailError::Zip { .. } => "mail-zip-failed",
            MailError::FolderMissing { .. } => "mail-folder-missing",
            MailError::NoFreeName { .. } => "mail-no-free-name",
            MailError::Write { .. } => "mail-write-failed",
        }
    }

    /// Fluent arguments of [`MailError::key`].
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            MailError::NoRecipient => Vec::new(),
            MailError::InvalidAddress { address } => vec![("address".into(), address.clone())],
            MailError::InvalidMessageId { id } => vec![("id".into(), id.clone())],
            MailError::DateOutOfRange { date } => vec![("date".into(), date.clone())],
            MailError::InvalidFileName { name } | MailError::DuplicateFileName { name } => {
                vec![("name".into(), name.clone())]
            }
            MailError::Zip { detail } => vec![("detail".into(), detail.clone())],
            MailError::FolderMissing { path } => {
                vec![("path".into(), path.display().to_string())]
            }
            MailError::NoFreeName { dir, name } => vec![
                ("path".into(), dir.display().to_string()),
                ("name".into(), name.clone()),
            ],
            MailError::Write { path, source } => vec![
                ("path".into(), path.display().to_string()),
                ("detail".into(), source.to_string()),
            ],
        }
    }
}
