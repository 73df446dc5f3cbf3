//! Store errors as Fluent keys for the user.

use athar_protocol::UiError;
use athar_store::StoreError;

pub fn store_error(e: StoreError) -> UiError {
    let path = |p: &std::path::Path| p.display().to_string();
    match e {
        StoreError::WrongPassphrase(_) => UiError::new("error-wrong-passphrase"),
        StoreError::CurrentPassphraseWrong => UiError::new("error-current-passphrase"),
        StoreError::NotFound(p) => UiError::new("error-file-not-found").arg("path", path(&p)),
        StoreError::FileExists(p) => UiError::new("error-file-exists").arg("path", path(&p)),
        StoreError::NotCompanyFile(p) => {
            UiError::new("error-not-company-file").arg("path", path(&p))
        }
        StoreError::PlainSqlite(p) => UiError::new("error-plain-sqlite").arg("path", path(&p)),
        StoreError::NewerSchema { found, known } => UiError::new("error-newer-file")
            .arg("found", found)
            .arg("known", known),
        StoreError::MigrationFailed { backup, detail } => UiError::new("error-migration-failed")
            .arg("backup", path(&backup))
            .arg("detail", detail),
        StoreError::Io(e) => UiError::new("error-io").arg("detail", e),
        StoreError::Sql(e) => UiError::new("error-database").arg("detail", e),
        StoreError::Corrupt(d) => UiError::new("error-database").arg("detail", d),
        StoreError::EntryNotFound(id) => UiError::new("error-entry-not-found").arg("id", id),
        StoreError::EntryIdTaken(id) => UiError::new("error-entry-id-taken").arg("id", id),
        StoreError::Random(d) => UiError::new("error-internal").arg("detail", d),
    }
}
