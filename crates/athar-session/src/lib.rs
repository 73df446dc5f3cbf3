//! One user's session with Athar: the preferences, at most one open company file, and the
//! keychain. The Tauri commands and the CLI are thin adapters over these methods, so both
//! front ends behave identically and every capability is testable without a window.
//!
//! Every method returns [`UiError`] on failure: a Fluent key the front end renders in the
//! user's language.

pub mod activity;
pub mod cbam;
pub mod documents;
mod errors;
mod templates;
pub mod vsme;

use std::path::{Path, PathBuf};

use athar_domain::{passphrase_strength, FieldError, Validate, MIN_PASSPHRASE_CHARS};
use athar_prefs::{Prefs, PrefsFile};
use athar_protocol::{
    AppState, AuditProblem, AuditReport, ChangePassphraseArgs, CreateCompanyArgs, Lang,
    OpenCompany, OpenCompanyArgs, OpenOutcome, RecentFile, UiError,
};
use athar_store::{read_salt, AuditFault, CompanyFile, RawKey, Unlock};

pub use errors::store_error;

struct Opened {
    file: CompanyFile,
    file_id: String,
    remembered: bool,
}

pub struct Session {
    prefs_file: PrefsFile,
    prefs: Prefs,
    open: Option<Opened>,
    actor: String,
    keychain_available: bool,
    /// The inventory last computed for the open file; dropped on every change.
    inventory: Option<activity::CachedInventory>,
    /// The inventories the VSME report last rested on (see `vsme`).
    vsme: Option<vsme::VsmeCache>,
    /// The worker that reads documents, kept while its settings stay the same.
    documents: Option<documents::Reader>,
}

/// Who is making changes, for the audit log: the front end and the OS user.
pub fn actor(front_end: &str) -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into());
    format!("{front_end}:{user}")
}

fn file_id(path: &Path) -> Result<String, UiError> {
    read_salt(path).map(hex::encode).map_err(store_error)
}

fn keychain_error(e: athar_keychain::KeychainError) -> UiError {
    UiError::new("error-keychain").arg("detail", e)
}

/// Checks a new passphrase and its confirmation; field names are those of the form.
pub fn check_new_passphrase(
    p: &str,
    confirm: &str,
    field: &str,
    confirm_field: &str,
) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !passphrase_strength(p).acceptable() {
        e.push(FieldError::new(field, "v-passphrase-too-short").arg("min", MIN_PASSPHRASE_CHARS));
    }
    if p != confirm {
        e.push(FieldError::new(confirm_field, "v-passphrase-mismatch"));
    }
    e
}

impl Session {
    /// A session over the given preferences file. `keychain_available` says whether
    /// `athar_keychain::init` succeeded.
    pub fn new(prefs_file: PrefsFile, actor: String, keychain_available: bool) -> Session {
        let prefs = prefs_file.load();
        Session {
            prefs_file,
            prefs,
            open: None,
            actor,
            keychain_available,
            inventory: None,
            vsme: None,
            documents: None,
        }
    }

    fn save_prefs(&self) -> Result<(), UiError> {
        self.prefs_file
            .save(&self.prefs)
            .map_err(|e| UiError::new("error-prefs").arg("detail", e))
    }

    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    pub fn set_lang(&mut self, lang: Lang) -> Result<(), UiError> {
        self.prefs.lang = lang;
        self.save_prefs()
    }

    fn opened(&self) -> Result<&Opened, UiError> {
        self.open
            .as_ref()
            .ok_or_else(|| UiError::new("error-no-company-open"))
    }

    fn opened_mut(&mut self) -> Result<&mut Opened, UiError> {
        self.open
            .as_mut()
            .ok_or_else(|| UiError::new("error-no-company-open"))
    }

    fn open_company_view(&self) -> Result<Option<OpenCompany>, UiError> {
        let Some(o) = &self.open else { return Ok(None) };
        let data = o.file.load().map_err(store_error)?;
        Ok(Some(view(o, data)?))
    }

    pub fn app_state(&self) -> Result<AppState, UiError> {
        Ok(AppState {
            lang: self.prefs.lang,
            recent: self
                .prefs
                .recent
                .iter()
                .map(|r| RecentFile {
                    path: r.path.display().to_string(),
                    file_name: r
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    last_opened: r.last_opened.clone(),
                    exists: r.path.is_file(),
                })
                .collect(),
            open: self.open_company_view()?,
            default_dir: athar_prefs::default_company_dir().display().to_string(),
            keychain_available: self.keychain_available,
        })
    }

    /// Makes `file` the open company, lists it first in the recent files and, when asked,
    /// remembers its key. A failure to remember is reported, but the file stays open.
    fn finish_open(
        &mut self,
        file: CompanyFile,
        file_id: String,
        remembered: bool,
        remember_now: bool,
    ) -> Result<OpenCompany, UiError> {
        let path = file.path().to_path_buf();
        self.open = Some(Opened {
            file,
            file_id,
            remembered,
        });
        self.prefs.touch_recent(&path);
        // A preferences failure must not stop the user from working on the file.
        let _ = self.save_prefs();
        if remember_now {
            self.remember_open_key()?;
        }
        Ok(self.open_company_view()?.expect("just opened"))
    }

    fn remember_open_key(&mut self) -> Result<(), UiError> {
        let o = self.opened_mut()?;
        athar_keychain::remember(&o.file_id, o.file.key().hex().as_str())
            .map_err(keychain_error)?;
        o.remembered = true;
        Ok(())
    }

    pub fn create_company(&mut self, args: CreateCompanyArgs) -> Result<OpenCompany, UiError> {
        let mut fields = args.company.validate();
        let path = PathBuf::from(args.path.trim());
        if args.path.trim().is_empty() {
            fields.push(FieldError::new("path", "v-path-required"));
        } else if path.extension().and_then(|e| e.to_str()) != Some(athar_store::EXTENSION) {
            fields.push(FieldError::new("path", "v-path-extension"));
        }
        fields.extend(check_new_passphrase(
            &args.passphrase,
            &args.passphrase_confirm,
            "passphrase",
            "passphrase_confirm",
        ));
        if !fields.is_empty() {
            return Err(UiError::invalid(fields));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| UiError::new("error-io").arg("detail", e))?;
        }
        let mut company = args.company;
        company.name = company.name.trim().to_string();
        company.country = company.country.trim().to_ascii_uppercase();
        let file = CompanyFile::create(&path, &args.passphrase, company, &self.actor)
            .map_err(store_error)?;
        self.close();
        let id = file_id(&path)?;
        // The file exists and is open before remembering; failing to remember loses nothing.
        self.finish_open(file, id, false, args.remember)
    }

    pub fn open_company(&mut self, args: OpenCompanyArgs) -> Result<OpenOutcome, UiError> {
        let path = PathBuf::from(args.path.trim());
        let id = file_id(&path)?;
        let (unlock, from_keychain) = match args.passphrase {
            Some(p) if !p.is_empty() => (Unlock::Passphrase(p), false),
            Some(_) => return Err(UiError::new("error-passphrase-required")),
            None => {
                let remembered = if self.keychain_available {
                    athar_keychain::recall(&id)
                        .ok()
                        .flatten()
                        .and_then(|s| RawKey::from_hex(&s))
                } else {
                    None
                };
                match remembered {
                    Some(k) => (Unlock::Key(k), true),
                    None => {
                        return Ok(OpenOutcome::NeedsPassphrase {
                            path: path.display().to_string(),
                        })
                    }
                }
            }
        };
        let file = match CompanyFile::open(&path, unlock) {
            Ok(f) => f,
            Err(athar_store::StoreError::WrongPassphrase(_)) if from_keychain => {
                // The file was re-keyed elsewhere: the remembered key is stale.
                let _ = athar_keychain::forget(&id);
                return Ok(OpenOutcome::NeedsPassphrase {
                    path: path.display().to_string(),
                });
            }
            Err(e) => return Err(store_error(e)),
        };
        self.close();
        let company = self.finish_open(file, id, from_keychain, args.remember && !from_keychain)?;
        Ok(OpenOutcome::Opened { company })
    }

    pub fn close(&mut self) {
        self.open = None;
        self.inventory = None;
        self.vsme = None;
    }

    pub fn save_profile(
        &mut self,
        data: &athar_domain::CompanyData,
    ) -> Result<OpenCompany, UiError> {
        let data = data.normalized();
        let fields = data.validate();
        if !fields.is_empty() {
            return Err(UiError::invalid(fields));
        }
        let actor = self.actor.clone();
        self.inventory = None;
        let o = self.opened_mut()?;
        let stored = o.file.save(&data, &actor).map_err(store_error)?;
        view(o, stored)
    }

    pub fn change_passphrase(&mut self, args: &ChangePassphraseArgs) -> Result<(), UiError> {
        let fields = check_new_passphrase(&args.new, &args.new_confirm, "new", "new_confirm");
        if !fields.is_empty() {
            return Err(UiError::invalid(fields));
        }
        let actor = self.actor.clone();
        let o = self.opened_mut()?;
        o.file
            .change_passphrase(&args.current, &args.new, &actor)
            .map_err(store_error)?;
        if o.remembered {
            athar_keychain::remember(&o.file_id, o.file.key().hex().as_str())
                .map_err(keychain_error)?;
        }
        Ok(())
    }

    pub fn set_remember(&mut self, remember: bool) -> Result<bool, UiError> {
        if remember {
            self.remember_open_key()?;
        } else {
            let o = self.opened_mut()?;
            athar_keychain::forget(&o.file_id).map_err(keychain_error)?;
            o.remembered = false;
        }
        Ok(self.opened()?.remembered)
    }

    pub fn verify_audit(&self) -> Result<AuditReport, UiError> {
        let v = self.opened()?.file.verify_audit().map_err(store_error)?;
        Ok(audit_report(&v))
    }

    pub fn remove_recent(&mut self, path: &str) -> Result<AppState, UiError> {
        self.prefs.remove_recent(Path::new(path));
        self.save_prefs()?;
        self.app_state()
    }

    /// The open file, for front ends that need more than the protocol offers (the CLI).
    pub fn company_file(&self) -> Option<&CompanyFile> {
        self.open.as_ref().map(|o| &o.file)
    }
}

/// The UI's view of an open file, around data already loaded.
fn view(o: &Opened, data: athar_domain::CompanyData) -> Result<OpenCompany, UiError> {
    Ok(OpenCompany {
        path: o.file.path().display().to_string(),
        remembered: o.remembered,
        data,
        audit_entries: o.file.audit_count().map_err(store_error)?,
    })
}

pub fn audit_report(v: &athar_store::AuditVerification) -> AuditReport {
    AuditReport {
        entries: v.entries,
        intact: v.intact(),
        first_bad: v.first_bad.map(|(seq, fault)| AuditProblem {
            seq,
            key: match fault {
                AuditFault::Edited => "audit-edited",
                AuditFault::Missing => "audit-missing",
                AuditFault::Truncated => "audit-truncated",
            }
            .to_string(),
        }),
    }
}
