use std::path::PathBuf;

/// What can go wrong with a company file. The session layer maps each to a Fluent key.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("wrong passphrase for {0}")]
    WrongPassphrase(PathBuf),
    #[error("the current passphrase is wrong")]
    CurrentPassphraseWrong,
    #[error("no file at {0}")]
    NotFound(PathBuf),
    #[error("a file already exists at {0}")]
    FileExists(PathBuf),
    #[error("{0} is not an Athar company file")]
    NotCompanyFile(PathBuf),
    #[error("{0} is an unencrypted SQLite database")]
    PlainSqlite(PathBuf),
    #[error(
        "the file has schema version {found}, newer than this version of Athar knows ({known})"
    )]
    NewerSchema { found: u32, known: u32 },
    #[error("migration failed ({detail}); the file is unchanged and a copy is at {backup}")]
    MigrationFailed { backup: PathBuf, detail: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored data is malformed: {0}")]
    Corrupt(String),
    #[error("no activity entry with id {0}")]
    EntryNotFound(String),
    #[error("an activity entry with id {0} already exists")]
    EntryIdTaken(String),
    #[error("random number generator failed: {0}")]
    Random(String),
}
