//! The open/remember/re-key workflow as a front end drives it, with keyring-core's mock store.

use athar_domain::{NewCompany, Site};
use athar_prefs::PrefsFile;
use athar_protocol::{ChangePassphraseArgs, CreateCompanyArgs, OpenCompanyArgs, OpenOutcome};
use athar_session::Session;

const PASS: &str = "a long enough passphrase";

fn session(dir: &std::path::Path, keychain: bool) -> Session {
    Session::new(
        PrefsFile::at(dir.join("config/prefs.json")),
        "test:user".into(),
        keychain,
    )
}

fn create_args(path: &std::path::Path, remember: bool) -> CreateCompanyArgs {
    CreateCompanyArgs {
        path: path.display().to_string(),
        passphrase: PASS.into(),
        passphrase_confirm: PASS.into(),
        remember,
        company: NewCompany {
            name: "Delta Cement".into(),
            country: "EG".into(),
            reporting_year: 2026,
        },
    }
}

fn open_args(path: &std::path::Path, passphrase: Option<&str>) -> OpenCompanyArgs {
    OpenCompanyArgs {
        path: path.display().to_string(),
        passphrase: passphrase.map(String::from),
        remember: false,
    }
}

#[test]
fn remembered_files_open_without_asking_and_copies_elsewhere_ask() {
    athar_keychain::init(athar_keychain::Backend::Mock).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("files/delta.athar");
    let mut s = session(dir.path(), true);
    let opened = s.create_company(create_args(&path, true)).unwrap();
    assert!(opened.remembered);
    assert_eq!(
        s.app_state().unwrap().recent[0].path,
        path.display().to_string()
    );
    s.close();

    // Same computer: the keychain opens it.
    match s.open_company(open_args(&path, None)).unwrap() {
        OpenOutcome::Opened { company } => {
            assert_eq!(company.data.profile.legal_name_en, "Delta Cement")
        }
        other => panic!("{other:?}"),
    }
    // A copy on another computer (no keychain entry for it here is simulated by a session
    // without a keychain) asks for the passphrase.
    let copy = dir.path().join("usb/delta.athar");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&path, &copy).unwrap();
    let mut other = session(&dir.path().join("other"), false);
    assert!(matches!(
        other.open_company(open_args(&copy, None)).unwrap(),
        OpenOutcome::NeedsPassphrase { .. }
    ));
    let wrong = other
        .open_company(open_args(&copy, Some("not it at all")))
        .unwrap_err();
    assert_eq!(wrong.key, "error-wrong-passphrase");
    assert!(matches!(
        other.open_company(open_args(&copy, Some(PASS))).unwrap(),
        OpenOutcome::Opened { .. }
    ));

    // Re-keying updates the remembered key, so it still opens without asking.
    s.change_passphrase(&ChangePassphraseArgs {
        current: PASS.into(),
        new: "another long passphrase".into(),
        new_confirm: "another long passphrase".into(),
    })
    .unwrap();
    s.close();
    assert!(matches!(
        s.open_company(open_args(&path, None)).unwrap(),
        OpenOutcome::Opened { .. }
    ));
    // Forgetting makes it ask again.
    assert!(!s.set_remember(false).unwrap());
    s.close();
    assert!(matches!(
        s.open_company(open_args(&path, None)).unwrap(),
        OpenOutcome::NeedsPassphrase { .. }
    ));
}

#[test]
fn create_reports_every_bad_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), false);
    let path = dir.path().join("bad.xlsx");
    let mut args = create_args(&path, false);
    args.passphrase = "short".into();
    args.passphrase_confirm = "other".into();
    args.company.country = "ZZ".into();
    let err = s.create_company(args).unwrap_err();
    let fields: Vec<_> = err
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.key.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("country", "v-country-unknown"),
            ("path", "v-path-extension"),
            ("passphrase", "v-passphrase-too-short"),
            ("passphrase_confirm", "v-passphrase-mismatch"),
        ]
    );
    assert!(!path.exists());
}

#[test]
fn saving_validates_and_the_language_persists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.athar");
    let mut s = session(dir.path(), false);
    s.create_company(create_args(&path, false)).unwrap();
    let mut data = s.app_state().unwrap().open.unwrap().data;
    data.sites.push(Site {
        name: "Kiln".into(),
        latitude: Some("95".parse().unwrap()),
        longitude: Some("31.2".parse().unwrap()),
        ..Site::default()
    });
    let err = s.save_profile(&data).unwrap_err();
    assert_eq!(err.key, "error-invalid-fields");
    assert_eq!(err.fields[0].field, "sites.0.latitude");
    data.sites[0].latitude = Some("30.1".parse().unwrap());
    data.sites[0].longitude = Some("31.2".parse().unwrap());
    let saved = s.save_profile(&data).unwrap();
    assert_eq!(saved.data.sites[0].id, Some(1));
    assert!(s.verify_audit().unwrap().intact);

    s.set_lang(athar_protocol::Lang::Ar).unwrap();
    let again = session(dir.path(), false);
    assert_eq!(again.lang(), athar_protocol::Lang::Ar);
}
