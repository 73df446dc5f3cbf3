//! The company file: one SQLCipher database per company.
//!
//! Why it is built this way:
//! - **The passphrase alone opens the file.** The key is PBKDF2-HMAC-SHA512 over the
//!   passphrase and the 16-byte salt SQLCipher keeps at the start of the file, with
//!   SQLCipher 4's own parameters (256,000 iterations). We derive it ourselves so that the
//!   raw key can be kept in the OS keychain ("remember on this computer") without ever
//!   storing the passphrase; any SQLCipher 4 tool still opens the file with the passphrase.
//! - **No plaintext on disk.** Pages, the rollback journal and (with `temp_store = MEMORY`)
//!   temporary tables are all encrypted or never written. WAL is not used, so a file is one
//!   file and a wrong passphrase leaves no side files behind.
//! - **Migrations never lose data.** Before refinery upgrades an existing file, the
//!   encrypted file is copied aside; migrations then run in one transaction.
//! - **Every change is audited** in a hash chain (see [`audit`]).

pub mod activity;
pub mod audit;
pub mod cbam;
mod company;
pub mod company_factors;
pub mod documents;
mod error;
mod keys;
mod migrate;
pub mod vsme;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

pub use activity::{
    EntryFacets, EntryQuery, FactorPackRecord, ImportOutcome, ImportRow, StoredEntry, MANUAL_SOURCE,
};
pub use audit::{AuditEntry, AuditFault, AuditVerification};
pub use cbam::{
    CbamExportRecord, CbamSaveOutcome, InstallationListing, InstallationRecord, CBAM_MANUAL,
};
pub use company_factors::{CompanyFactorSet, COMPANY_PACK};
pub use documents::{DocumentStatus, FieldReview, StoredDocument};
pub use error::StoreError;
pub use keys::{derive_key, read_salt, RawKey, KDF_ITERATIONS};
pub use migrate::LATEST_SCHEMA_VERSION;
pub use vsme::{
    StoredVsmeFact, VsmeFactChange, VsmeFactSource, VsmeImportOutcome, VsmeOverrideRecord,
    VsmeReportSettings,
};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How to unlock a file.
pub enum Unlock {
    Passphrase(String),
    /// The raw key remembered in the keychain.
    Key(RawKey),
}

/// An open, unlocked company file.
pub struct CompanyFile {
    conn: Connection,
    path: PathBuf,
    key: RawKey,
    /// Where the pre-migration copy went, when opening upgraded the file.
    backup: Option<PathBuf>,
}

/// The audit actor of changes Athar makes by itself (recording embedded factor packs).
pub const SYSTEM_ACTOR: &str = "athar";

/// File extension of company files.
pub const EXTENSION: &str = "athar";

fn apply_key(conn: &Connection, hex_key: &str) -> Result<()> {
    // A wrong key is an expected outcome, reported as a typed error; keep SQLCipher quiet.
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
    // The key is hex we produced ourselves; no quoting issues are possible.
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex_key}'\";"))?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE;
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;
         PRAGMA foreign_keys = ON;",
    )?;
    Ok(())
}

impl CompanyFile {
    /// Creates a new company file at `path`; refuses to overwrite anything.
    pub fn create(
        path: &Path,
        passphrase: &str,
        company: athar_domain::NewCompany,
        actor: &str,
    ) -> Result<CompanyFile> {
        let mut file = Self::create_at_schema(path, passphrase, None)?;
        let result = file.init_company(company, actor);
        if let Err(e) = result {
            drop(file);
            let _ = std::fs::remove_file(path);
            return Err(e);
        }
        Ok(file)
    }

    /// Creates an empty file with migrations applied up to `target` (all when `None`).
    /// Public for tests that need a file at an older schema.
    #[doc(hidden)]
    pub fn create_at_schema(
        path: &Path,
        passphrase: &str,
        target: Option<u32>,
    ) -> Result<CompanyFile> {
        if path.exists() {
            return Err(StoreError::FileExists(path.to_path_buf()));
        }
        let salt = keys::random_salt()?;
        let key = derive_key(passphrase, &salt);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let setup = || -> Result<Connection> {
            let mut conn = conn;
            apply_key(
                &conn,
                &format!("{}{}", key.hex().as_str(), hex::encode(salt)),
            )?;
            configure(&conn)?;
            migrate::run(&mut conn, target)?;
            Ok(conn)
        };
        match setup() {
            Ok(conn) => Ok(CompanyFile {
                conn,
                path: path.to_path_buf(),
                key,
                backup: None,
            }),
            Err(e) => {
                let _ = std::fs::remove_file(path);
                Err(e)
            }
        }
    }

    /// Opens an existing file. A wrong passphrase or key gives [`StoreError::WrongPassphrase`]
    /// and leaves the file and its directory exactly as they were.
    pub fn open(path: &Path, unlock: Unlock) -> Result<CompanyFile> {
        let salt = read_salt(path)?;
        let key = match unlock {
            Unlock::Passphrase(p) => derive_key(&p, &salt),
            Unlock::Key(k) => k,
        };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        apply_key(&conn, key.hex().as_str())?;
        keys::check_key(&conn, path)?;
        configure(&conn)?;
        let backup = migrate::upgrade(&mut conn, path)?;
        let mut file = CompanyFile {
            conn,
            path: path.to_path_buf(),
            key,
            backup,
        };
        // A file created or last upgraded by an older build: note the packs this one embeds.
        file.record_embedded_packs(SYSTEM_ACTOR)?;
        Ok(file)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw key, for remembering in the keychain.
    pub fn key(&self) -> &RawKey {
        &self.key
    }

    /// The copy made before this open upgraded the schema, if it did.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u32> {
        migrate::applied_version(&self.conn)
    }

    /// Re-keys the file. `current` must be the passphrase the file opens with.
    pub fn change_passphrase(&mut self, current: &str, new: &str, actor: &str) -> Result<()> {
        let salt = read_salt(&self.path)?;
        if !derive_key(current, &salt).ct_eq(&self.key) {
            return Err(StoreError::CurrentPassphraseWrong);
        }
        let new_key = derive_key(new, &salt);
        self.conn.execute_batch(&format!(
            "PRAGMA rekey = \"x'{}'\";",
            new_key.hex().as_str()
        ))?;
        self.key = new_key;
        let tx = self.conn.transaction()?;
        audit::append(&tx, actor, "file", "key", "rekey", None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Direct access for tests that tamper with the file.
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Zeroised hex of a key.
pub(crate) type SecretString = Zeroizing<String>;
