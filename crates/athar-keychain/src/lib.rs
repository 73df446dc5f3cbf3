//! "Remember on this computer": a company file's raw key in the OS keychain.
//!
//! Entries are named by the file's SQLCipher salt (the first 16 bytes of the file, random per
//! file and readable without the key), so a remembered file still opens after it is renamed or
//! moved, and a copy on another computer finds no entry and asks for the passphrase. The
//! passphrase itself is never stored.

use std::sync::Arc;

use zeroize::Zeroizing;

const SERVICE: &str = "athar";

#[derive(Debug, thiserror::Error)]
pub enum KeychainError {
    #[error("no keychain is available on this computer: {0}")]
    Unavailable(String),
    #[error("{0}")]
    Store(#[from] keyring_core::Error),
}

/// Which credential store backs the keychain.
pub enum Backend {
    /// The operating system's store (Secret Service, macOS Keychain, Windows Credential Manager).
    Platform,
    /// keyring-core's in-memory mock, for tests.
    Mock,
}

/// Sets the process-wide credential store. Call once at start-up.
pub fn init(backend: Backend) -> Result<(), KeychainError> {
    let store: Arc<keyring_core::CredentialStore> = match backend {
        Backend::Mock => keyring_core::mock::Store::new()?,
        Backend::Platform => platform_store()?,
    };
    keyring_core::set_default_store(store);
    Ok(())
}

#[cfg(target_os = "linux")]
fn platform_store() -> Result<Arc<keyring_core::CredentialStore>, KeychainError> {
    zbus_secret_service_keyring_store::Store::new()
        .map(|s| s as Arc<keyring_core::CredentialStore>)
        .map_err(|e| KeychainError::Unavailable(e.to_string()))
}

#[cfg(target_os = "macos")]
fn platform_store() -> Result<Arc<keyring_core::CredentialStore>, KeychainError> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|s| s as Arc<keyring_core::CredentialStore>)
        .map_err(|e| KeychainError::Unavailable(e.to_string()))
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<Arc<keyring_core::CredentialStore>, KeychainError> {
    windows_native_keyring_store::Store::new()
        .map(|s| s as Arc<keyring_core::CredentialStore>)
        .map_err(|e| KeychainError::Unavailable(e.to_string()))
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> Result<Arc<keyring_core::CredentialStore>, KeychainError> {
    Err(KeychainError::Unavailable("unsupported platform".into()))
}

/// Whether a store was set up.
pub fn available() -> bool {
    keyring_core::get_default_store().is_some()
}

fn entry(file_id: &str) -> Result<keyring_core::Entry, KeychainError> {
    if !available() {
        return Err(KeychainError::Unavailable("not initialised".into()));
    }
    Ok(keyring_core::Entry::new(
        SERVICE,
        &format!("company-file:{file_id}"),
    )?)
}

/// Stores `secret` (hex of a raw key) for the file.
pub fn remember(file_id: &str, secret: &str) -> Result<(), KeychainError> {
    entry(file_id)?.set_password(secret)?;
    Ok(())
}

/// The remembered secret, if any.
pub fn recall(file_id: &str) -> Result<Option<Zeroizing<String>>, KeychainError> {
    match entry(file_id)?.get_password() {
        Ok(s) => Ok(Some(Zeroizing::new(s))),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Removes the remembered secret; no error when there was none.
pub fn forget(file_id: &str) -> Result<(), KeychainError> {
    match entry(file_id)?.delete_credential() {
        Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remember_recall_forget_with_the_mock_store() {
        init(Backend::Mock).unwrap();
        assert!(available());
        assert!(recall("aa").unwrap().is_none());
        remember("aa", "00ff").unwrap();
        remember("bb", "11ee").unwrap();
        assert_eq!(recall("aa").unwrap().unwrap().as_str(), "00ff");
        forget("aa").unwrap();
        forget("aa").unwrap();
        assert!(recall("aa").unwrap().is_none());
        assert_eq!(recall("bb").unwrap().unwrap().as_str(), "11ee");
    }
}
