//! Preferences in the OS config directory (`~/.config/athar/prefs.json` on Linux,
//! `%APPDATA%\athar` on Windows, `~/Library/Application Support/athar` on macOS).
//!
//! They hold the interface language and the paths of recent company files: nothing secret and
//! no company data. `ATHAR_CONFIG_DIR` overrides the folder (tests, portable installs). A
//! damaged file is set aside and replaced by defaults rather than blocking the app.

use std::path::{Path, PathBuf};

use athar_protocol::Lang;
use serde::{Deserialize, Serialize};

/// How many recent files are kept.
pub const MAX_RECENT: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentEntry {
    pub path: PathBuf,
    /// RFC 3339, UTC.
    pub last_opened: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub recent: Vec<RecentEntry>,
    /// A newer EFRAG VSME digital template the user chose for exports (Settings → templates);
    /// `None`: the template built into Athar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vsme_template: Option<PathBuf>,
    /// The Commission's CBAM communication template the user chose for exports ("the file
    /// downloaded from the Commission's site", Settings → templates); `None`: the built-in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cbam_template: Option<PathBuf>,
    /// How documents are read (Settings → documents).
    #[serde(default)]
    pub documents: DocumentPrefs,
}

/// Reading of bills and invoices: the local model and the review thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentPrefs {
    /// The GGUF model file the user chose; `None`: deterministic extraction only.
    pub model: Option<PathBuf>,
    /// Threads the model may use.
    pub threads: u32,
    /// Fields below this confidence (percent) are highlighted for review.
    pub highlight_below: u8,
    /// Accept documents whose fields all reach this confidence (percent) without review;
    /// `None` (the default) keeps every document for a person.
    pub auto_accept_above: Option<u8>,
}

impl Default for DocumentPrefs {
    fn default() -> Self {
        DocumentPrefs {
            model: None,
            threads: 2,
            highlight_below: 80,
            auto_accept_above: None,
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn touch_recent(&mut self, path: &Path) {
        let now = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        self.recent.retain(|r| r.path != path);
        self.recent.insert(
            0,
            RecentEntry {
                path: path.to_path_buf(),
                last_opened: now,
            },
        );
        self.recent.truncate(MAX_RECENT);
    }

    pub fn remove_recent(&mut self, path: &Path) {
        self.recent.retain(|r| r.path != path);
    }
}

/// Where the preferences live.
#[derive(Debug, Clone)]
pub struct PrefsFile {
    path: PathBuf,
}

impl PrefsFile {
    /// The per-user location, honouring `ATHAR_CONFIG_DIR`.
    pub fn default_location() -> PrefsFile {
        let dir = std::env::var_os("ATHAR_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs::config_dir().map(|d| d.join("athar")))
            .unwrap_or_else(|| PathBuf::from(".athar-config"));
        PrefsFile {
            path: dir.join("prefs.json"),
        }
    }

    pub fn at(path: PathBuf) -> PrefsFile {
        PrefsFile { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the preferences; defaults when absent, and when damaged (the damaged file is
    /// renamed to `prefs.json.damaged`).
    pub fn load(&self) -> Prefs {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|_| {
                let _ = std::fs::rename(&self.path, self.path.with_extension("json.damaged"));
                Prefs::default()
            }),
            Err(_) => Prefs::default(),
        }
    }

    /// Writes atomically (temporary file, then rename).
    pub fn save(&self, prefs: &Prefs) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(prefs).expect("prefs serialise"),
        )?;
        std::fs::rename(&tmp, &self.path)
    }
}

/// Where new company files are suggested: `Documents/Athar`, else the home folder.
pub fn default_company_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("ATHAR_DEFAULT_DIR") {
        return PathBuf::from(d);
    }
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .map(|d| d.join("Athar"))
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_recent_order_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        let file = PrefsFile::at(dir.path().join("sub/prefs.json"));
        assert_eq!(file.load(), Prefs::default());
        let mut p = Prefs {
            lang: Lang::Ar,
            vsme_template: Some(PathBuf::from("/t/VSME-Digital-Template-1.3.1.xlsx")),
            cbam_template: Some(PathBuf::from("/t/CBAM Communication template.xlsx")),
            ..Prefs::default()
        };
        for i in 0..20 {
            p.touch_recent(Path::new(&format!("/f{i}.athar")));
        }
        p.touch_recent(Path::new("/f5.athar"));
        assert_eq!(p.recent.len(), MAX_RECENT);
        assert_eq!(p.recent[0].path, Path::new("/f5.athar"));
        file.save(&p).unwrap();
        assert_eq!(file.load(), p);
        std::fs::write(file.path(), b"{not json").unwrap();
        assert_eq!(file.load(), Prefs::default());
        assert!(dir.path().join("sub/prefs.json.damaged").exists());
    }
}
