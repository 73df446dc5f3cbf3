//! Key derivation compatible with SQLCipher 4's defaults.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode};
use sha2::Sha512;
use zeroize::Zeroizing;

use crate::{Result, SecretString, StoreError};

/// SQLCipher 4's default PBKDF2 iteration count; deliberately slow.
pub const KDF_ITERATIONS: u32 = 256_000;
const SALT_LEN: usize = 16;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// SQLCipher 4's default page size; every encrypted file is a whole number of pages.
const PAGE_SIZE: u64 = 4096;

/// A 256-bit SQLCipher key, wiped from memory when dropped.
#[derive(Clone)]
pub struct RawKey(Zeroizing<[u8; 32]>);

impl RawKey {
    pub fn from_bytes(bytes: [u8; 32]) -> RawKey {
        RawKey(Zeroizing::new(bytes))
    }

    pub fn from_hex(s: &str) -> Option<RawKey> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s.trim(), &mut out).ok()?;
        Some(RawKey::from_bytes(out))
    }

    pub fn hex(&self) -> SecretString {
        Zeroizing::new(hex::encode(*self.0))
    }

    /// Constant-time comparison.
    pub fn ct_eq(&self, other: &RawKey) -> bool {
        self.0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

impl std::fmt::Debug for RawKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawKey(..)")
    }
}

/// PBKDF2-HMAC-SHA512(passphrase, salt), as SQLCipher 4 derives its key.
pub fn derive_key(passphrase: &str, salt: &[u8; SALT_LEN]) -> RawKey {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha512>(passphrase.as_bytes(), salt, KDF_ITERATIONS, &mut out);
    RawKey::from_bytes(out)
}

pub(crate) fn random_salt() -> Result<[u8; SALT_LEN]> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(salt)
}

/// Reads the salt at the start of a company file, and rejects what cannot be one.
pub fn read_salt(path: &Path) -> Result<[u8; SALT_LEN]> {
    let mut f = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound(path.to_path_buf()),
        _ => StoreError::Io(e),
    })?;
    let len = f.metadata()?.len();
    if !f.metadata()?.is_file() || len < PAGE_SIZE || len % PAGE_SIZE != 0 {
        return Err(StoreError::NotCompanyFile(path.to_path_buf()));
    }
    let mut salt = [0u8; SALT_LEN];
    f.read_exact(&mut salt)?;
    if &salt == SQLITE_HEADER {
        return Err(StoreError::PlainSqlite(path.to_path_buf()));
    }
    Ok(salt)
}

/// The first read after `PRAGMA key` tells whether the key is right.
pub(crate) fn check_key(conn: &Connection, path: &Path) -> Result<()> {
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => {
            Err(StoreError::WrongPassphrase(path.to_path_buf()))
        }
        Err(e) => Err(e.into()),
    }
}
