//! Schema migrations from `migrations/`, applied by refinery when a file is created or opened.

use std::path::{Path, PathBuf};

use refinery::Target;
use rusqlite::Connection;

use crate::{Result, StoreError};

mod embedded {
    refinery::embed_migrations!("../../migrations");
}

/// The newest schema version this build knows.
pub const LATEST_SCHEMA_VERSION: u32 = 7;

const HISTORY_TABLE: &str = "refinery_schema_history";

/// The highest migration version recorded in the file; 0 for a file with none.
pub(crate) fn applied_version(conn: &Connection) -> Result<u32> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [HISTORY_TABLE],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    let v: Option<i64> = conn.query_row(
        &format!("SELECT max(version) FROM {HISTORY_TABLE}"),
        [],
        |r| r.get(0),
    )?;
    Ok(v.unwrap_or(0).max(0) as u32)
}

/// Runs migrations up to `target` (all when `None`) in one transaction.
pub(crate) fn run(conn: &mut Connection, target: Option<u32>) -> Result<()> {
    let runner = embedded::migrations::runner().set_grouped(true);
    let runner = match target {
        Some(v) => runner.set_target(Target::Version(v as i32)),
        None => runner,
    };
    runner
        .run(conn)
        .map_err(|e| StoreError::Corrupt(format!("migration: {e}")))?;
    Ok(())
}

/// Brings an opened file up to the latest schema, copying it aside first.
/// Returns the path of the copy when one was made.
pub(crate) fn upgrade(conn: &mut Connection, path: &Path) -> Result<Option<PathBuf>> {
    let applied = applied_version(conn)?;
    if applied == 0 {
        // Decrypts fine but was never an Athar file.
        return Err(StoreError::NotCompanyFile(path.to_path_buf()));
    }
    if applied > LATEST_SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: applied,
            known: LATEST_SCHEMA_VERSION,
        });
    }
    if applied == LATEST_SCHEMA_VERSION {
        return Ok(None);
    }
    let backup = backup_path(path, applied);
    // No transaction is open, and the journal mode is DELETE, so the file on disk is
    // complete and consistent: a byte copy is an encrypted, openable copy.
    std::fs::copy(path, &backup)?;
    match run(conn, None) {
        Ok(()) => Ok(Some(backup)),
        Err(e) => Err(StoreError::MigrationFailed {
            backup,
            detail: e.to_string(),
        }),
    }
}

fn backup_path(path: &Path, from_version: u32) -> PathBuf {
    let stamp = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_default();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".schema-v{from_version}-{stamp}.bak"));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn latest_version_matches_the_migrations_folder() {
        let newest = super::embedded::migrations::runner()
            .get_migrations()
            .iter()
            .map(|m| m.version())
            .max()
            .unwrap();
        assert_eq!(newest as u32, super::LATEST_SCHEMA_VERSION);
    }
}
