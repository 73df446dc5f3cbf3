//! Writing exports into a folder the user chose, safely: each file is written to a temporary
//! file in the same folder, flushed to disk, then moved to its name with a rename that fails
//! rather than replace an existing file (tempfile's `persist_noclobber`). A name already taken
//! becomes `name (2).ext`, `name (3).ext`, … so an earlier export is never lost, and a crash
//! never leaves a half-written file under the real name.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::archive::zip_files;
use crate::draft::Draft;
use crate::error::MailError;

const MAX_TRIES: u32 = 9_999;

/// A file name that is valid on Windows, macOS and Linux: characters Windows forbids
/// (`<>:"/\|?*`) and control characters become `_`, invisible bidi controls (which Fluent puts
/// around arguments) are dropped, leading and trailing spaces and dots are trimmed, Windows'
/// reserved device names get a `_` in front, and the name is cut to 120 characters. Arabic
/// and other letters are kept.
pub fn safe_file_name(name: &str) -> String {
    let is_bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let cleaned: String = name
        .chars()
        .filter(|c| !is_bidi(*c))
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        return "athar".to_string();
    }
    let stem = trimmed
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    }
}

/// `stem.ext` for the first try, `stem (n).ext` after.
fn candidate(dir: &Path, stem: &str, n: u32, ext: &str) -> PathBuf {
    if n == 1 {
        dir.join(format!("{stem}.{ext}"))
    } else {
        dir.join(format!("{stem} ({n}).{ext}"))
    }
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> MailError + '_ {
    move |source| MailError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The bytes in a flushed temporary file in `dir`, not yet visible under a real name.
fn staged(dir: &Path, bytes: &[u8]) -> Result<NamedTempFile, MailError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".athar-").suffix(".part");
    // Temporary files are private (0600) by default; an export is an ordinary document, so
    // ask for 0666 and let the user's umask decide, as for any file they save.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(dir).map_err(write_error(dir))?;
    file.write_all(bytes).map_err(write_error(file.path()))?;
    file.as_file()
        .sync_all()
        .map_err(write_error(file.path()))?;
    Ok(file)
}

/// Moves `file` to `path` unless something is already there. `Ok(None)` when the name was
/// taken (the temporary file is handed back).
fn publish(file: NamedTempFile, path: &Path) -> Result<Option<NamedTempFile>, MailError> {
    match file.persist_noclobber(path) {
        Ok(_) => Ok(None),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(Some(e.file)),
        Err(e) => Err(MailError::Write {
            path: path.to_path_buf(),
            source: e.error,
        }),
    }
}

fn sync_folder(dir: &Path) {
    // Makes the renames durable on Unix; Windows cannot open a folder as a file.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn check_folder(dir: &Path) -> Result<(), MailError> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(MailError::FolderMissing {
            path: dir.to_path_buf(),
        })
    }
}

/// Writes `bytes` as a new file in `dir` named after `file_name` (made safe with
/// [`safe_file_name`]), or `name (2).ext`, … when that name is taken. Returns the path
/// written.
pub fn save_new(dir: &Path, file_name: &str, bytes: &[u8]) -> Result<PathBuf, MailError> {
    check_folder(dir)?;
    let name = safe_file_name(file_name);
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), Some(e.to_string())),
        _ => (name.clone(), None),
    };
    let mut file = staged(dir, bytes)?;
    for n in 1..=MAX_TRIES {
        let path = match &ext {
            Some(ext) => candidate(dir, &stem, n, ext),
            None if n == 1 => dir.join(&stem),
            None => dir.join(format!("{stem} ({n})")),
        };
        match publish(file, &path)? {
            None => {
                sync_folder(dir);
                return Ok(path);
            }
            Some(back) => file = back,
        }
    }
    Err(MailError::NoFreeName {
        dir: dir.to_path_buf(),
        name,
    })
}

/// Where [`save_package`] put the two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPackage {
    pub eml: PathBuf,
    pub zip: PathBuf,
}

/// Writes the draft as `<stem>.eml` and its attachments as `<stem>.zip` in `dir`. The two
/// share their name: if either is taken, both become `<stem> (2)`, and so on. Nothing is
/// written when the draft or the zip cannot be made; if the zip cannot be written, the
/// `.eml` written just before is removed.
pub fn save_package(dir: &Path, stem: &str, draft: &Draft) -> Result<SavedPackage, MailError> {
    check_folder(dir)?;
    let eml_bytes = draft.to_eml()?;
    let zip_bytes = zip_files(&draft.attachments, draft.date)?;
    let stem = safe_file_name(stem);
    let mut eml_file = staged(dir, &eml_bytes)?;
    let mut zip_file = staged(dir, &zip_bytes)?;
    for n in 1..=MAX_TRIES {
        let eml = candidate(dir, &stem, n, "eml");
        let zip = candidate(dir, &stem, n, "zip");
        if eml.exists() || zip.exists() {
            continue;
        }
        if let Some(back) = publish(eml_file, &eml)? {
            eml_file = back;
            continue;
        }
        match publish(zip_file, &zip) {
            Ok(None) => {
                sync_folder(dir);
                return Ok(SavedPackage { eml, zip });
            }
            Ok(Some(back)) => {
                // Taken between the check and the rename: undo and try the next name.
                zip_file = back;
                std::fs::remove_file(&eml).map_err(write_error(&eml))?;
                eml_file = staged(dir, &eml_bytes)?;
            }
            Err(e) => {
                let _ = std::fs::remove_file(&eml);
                return Err(e);
            }
        }
    }
    Err(MailError::NoFreeName {
        dir: dir.to_path_buf(),
        name: stem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_made_safe_everywhere() {
        assert_eq!(
            safe_file_name("Nile Steel: CBAM/2026?"),
            "Nile Steel_ CBAM_2026_"
        );
        assert_eq!(safe_file_name("  report.  "), "report");
        assert_eq!(safe_file_name("\u{2068}Müller GmbH\u{2069}"), "Müller GmbH");
        assert_eq!(safe_file_name("ملخص الانبعاثات"), "ملخص الانبعاثات");
        assert_eq!(safe_file_name("con"), "_con");
        assert_eq!(safe_file_name("LPT1.zip"), "_LPT1.zip");
        assert_eq!(safe_file_name("COMPANY"), "COMPANY");
        assert_eq!(safe_file_name("..."), "athar");
        assert_eq!(safe_file_name(&"x".repeat(300)).chars().count(), 120);
    }

    #[test]
    fn save_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = save_new(dir.path(), "summary.pdf", b"one").unwrap();
        let b = save_new(dir.path(), "summary.pdf", b"two").unwrap();
        let c = save_new(dir.path(), "summary.pdf", b"three").unwrap();
        assert_eq!(a, dir.path().join("summary.pdf"));
        assert_eq!(b, dir.path().join("summary (2).pdf"));
        assert_eq!(c, dir.path().join("summary (3).pdf"));
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(&b).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Same permissions as a file saved the ordinary way (the umask decides).
            let plain = dir.path().join("plain");
            std::fs::write(&plain, b"x").unwrap();
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&a), mode(&plain));
            std::fs::remove_file(plain).unwrap();
        }
        let no_ext = save_new(dir.path(), "README", b"x").unwrap();
        assert_eq!(no_ext, dir.path().join("README"));
        assert_eq!(
            save_new(dir.path(), "README", b"y").unwrap(),
            dir.path().join("README (2)")
        );
        // No temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let e = save_new(&missing, "a.pdf", b"x").unwrap_err();
        assert_eq!(e.key(), "mail-folder-missing");
    }
}
