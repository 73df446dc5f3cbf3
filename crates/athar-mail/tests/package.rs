//! The email package end to end: build a draft in Arabic with attachments of every kind, read
//! it back with mail-parser (a different implementation than the one that wrote it), check the
//! zip with the zip reader, and write both into a folder twice.

use std::io::Read;
use std::path::Path;

use athar_mail::{save_package, zip_files, Attachment, Draft, MailError, Mailbox};
use mail_parser::{MessageParser, MimeHeaders};

const SUBJECT_AR: &str = "بيانات الانبعاثات المضمنة لعام ٢٠٢٦ — شركة النيل للمسامير";
const BODY_AR: &str = "السادة المحترمون،\n\nنرفق لكم نموذج الإبلاغ الخاص بآلية تعديل حدود الكربون (CBAM) وملخص الانبعاثات المضمنة.\n\nمع التحية،\nشركة النيل للمسامير";

/// Every byte value, plus patterns that trip up encoders (CR, LF, "--", "=").
fn binary() -> Vec<u8> {
    let mut v: Vec<u8> = (0..=255u8).collect();
    v.extend_from_slice(b"\r\n--=_athar_\n.\r\n=3D\r\n");
    v.extend((0..5000u32).map(|i| (i * 7 % 251) as u8));
    v
}

fn draft() -> Draft {
    Draft {
        from: None,
        to: vec![Mailbox::named(
            "Müller Befestigungstechnik GmbH – Einkauf",
            "einkauf@mueller-befestigung.example.de",
        )],
        cc: vec![Mailbox::new("cbam@mueller-befestigung.example.de")],
        subject: SUBJECT_AR.into(),
        body: BODY_AR.into(),
        language: Some("ar".into()),
        date: time::macros::datetime!(2026-03-15 10:30:00 +02:00),
        message_id: "<cbam-2026-0001.nile@athar.invalid>".into(),
        attachments: vec![
            Attachment::new("CBAM Communication template 2026.xlsx", binary()),
            Attachment::new("ملخص الانبعاثات المضمنة ٢٠٢٦.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".repeat(300)),
            Attachment::new(
                "Zusammenfassung der grauen Emissionen für Müller Befestigungstechnik – sehr langer Dateiname.xml",
                "<?xml version=\"1.0\"?>\n<a>ü</a>\n".as_bytes().to_vec(),
            ),
            Attachment::new("lines.csv", b"a;b\nc;d\n\ne;f".to_vec()),
        ],
    }
}

#[test]
fn the_draft_parses_back_with_its_text_and_identical_attachments() {
    let d = draft();
    let eml = d.to_eml().unwrap();
    let msg = MessageParser::default()
        .parse(&eml)
        .expect("mail-parser reads the draft");

    assert_eq!(msg.subject(), Some(SUBJECT_AR));
    assert_eq!(msg.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert!(msg.from().is_none(), "From is left to the mail client");
    let to = msg.to().unwrap().first().unwrap();
    assert_eq!(to.address(), Some("einkauf@mueller-befestigung.example.de"));
    assert_eq!(to.name(), Some("Müller Befestigungstechnik GmbH – Einkauf"));
    assert_eq!(
        msg.cc().unwrap().first().unwrap().address(),
        Some("cbam@mueller-befestigung.example.de")
    );
    assert_eq!(msg.message_id(), Some("cbam-2026-0001.nile@athar.invalid"));
    let date = msg.date().unwrap();
    assert_eq!((date.year, date.month, date.day), (2026, 3, 15));
    assert_eq!(
        (date.hour, date.minute, date.tz_hour, date.tz_before_gmt),
        (10, 30, 2, false)
    );
    assert_eq!(
        msg.content_type().map(|c| (c.ctype(), c.subtype())),
        Some(("multipart", Some("mixed")))
    );

    let body = msg.body_text(0).unwrap();
    assert_eq!(body.replace("\r\n", "\n"), BODY_AR);
    let language = msg.text_bodies().next().unwrap().content_language();
    assert_eq!(language.as_text(), Some("ar"));

    assert_eq!(msg.attachment_count(), d.attachments.len());
    for (i, expected) in d.attachments.iter().enumerate() {
        let part = msg.attachment(i as u32).unwrap();
        assert_eq!(part.attachment_name(), Some(expected.file_name.as_str()));
        // The second copy of the name, in Content-Type, for Outlook.
        assert_eq!(
            part.content_type().and_then(|c| c.attribute("name")),
            Some(expected.file_name.as_str())
        );
        assert_eq!(
            part.contents(),
            expected.bytes.as_slice(),
            "{} changed",
            expected.file_name
        );
        let ct = part.content_type().unwrap();
        assert_eq!(
            format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default()),
            expected.content_type
        );
    }
}

#[test]
fn the_draft_is_plain_ascii_mime_with_short_crlf_lines() {
    let eml = draft().to_eml().unwrap();
    assert!(eml.is_ascii(), "every non-ASCII character must be encoded");
    let text = String::from_utf8(eml).unwrap();
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "bare CR");
    // RFC 5322: lines must not exceed 998 characters and should not exceed 78; only a
    // single unbreakable token (the xlsx MIME type) may go past 78.
    for line in text.split("\r\n") {
        let unbreakable = line.split_once(": ").is_some_and(|(_, v)| !v.contains(' '));
        assert!(
            line.len() <= 78 || (unbreakable && line.len() <= 998),
            "long line: {line:?}"
        );
    }
    let headers = &text[..text.find("\r\n\r\n").unwrap()];
    assert!(headers.contains("\r\nX-Unsent: 1\r\n"));
    assert!(headers.contains("Subject: =?utf-8?"), "{headers}");
    assert!(headers.contains("\r\nDate: Sun, 15 Mar 2026 10:30:00 +0200\r\n"));
    assert!(headers.contains("\r\nMIME-Version: 1.0\r\n"));
    assert!(
        text.contains("filename*0*=UTF-8''%D9%85%D9%84"),
        "RFC 2231 Arabic file name"
    );
    assert!(
        text.contains("name=\"=?utf-8?B?2YXZhNiu2LUg"),
        "RFC 2047 Arabic name"
    );
    assert!(text.contains("Content-Transfer-Encoding: base64"));
}

#[test]
fn the_same_draft_gives_the_same_bytes() {
    let a = draft().to_eml().unwrap();
    assert_eq!(a, draft().to_eml().unwrap());
    let mut other = draft();
    other.message_id = "other@athar.invalid".into();
    let b = other.to_eml().unwrap();
    assert_ne!(a, b);
    let z = zip_files(&draft().attachments, draft().date).unwrap();
    assert_eq!(z, zip_files(&draft().attachments, draft().date).unwrap());
}

#[test]
fn an_english_draft_with_a_sender_and_no_attachments() {
    let mut d = draft();
    d.from = Some(Mailbox::named(
        "Nile Fasteners",
        "export@nile-fasteners.example.eg",
    ));
    d.subject = "Embedded emissions 2026\r\nBcc: someone@evil.example".into();
    d.body = "Dear colleagues,\nplease find our data attached.".into();
    d.language = Some("en".into());
    d.attachments.clear();
    let eml = d.to_eml().unwrap();
    let msg = MessageParser::default().parse(&eml).unwrap();
    assert_eq!(
        msg.from().unwrap().first().unwrap().address(),
        Some("export@nile-fasteners.example.eg")
    );
    assert!(
        msg.bcc().is_none(),
        "a line break in the subject must not add a header"
    );
    assert!(msg.subject().unwrap().contains("Embedded emissions 2026"));
    assert_eq!(msg.attachment_count(), 0);
    assert_eq!(
        msg.body_text(0).unwrap().replace("\r\n", "\n"),
        "Dear colleagues,\nplease find our data attached."
    );
}

#[test]
fn the_zip_holds_the_same_files_with_the_draft_date() {
    let d = draft();
    let bytes = zip_files(&d.attachments, d.date).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(archive.len(), d.attachments.len());
    for (i, expected) in d.attachments.iter().enumerate() {
        let mut f = archive.by_index(i).unwrap();
        assert_eq!(f.name().unwrap(), expected.file_name);
        let m = f.last_modified().unwrap();
        assert_eq!(
            (
                m.year(),
                m.month(),
                m.day(),
                m.hour(),
                m.minute(),
                m.second()
            ),
            (2026, 3, 15, 10, 30, 0)
        );
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        assert_eq!(content, expected.bytes);
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn packages_are_written_side_by_side_without_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let stem = "CBAM 2026 – \u{2068}Müller\u{2069}: Einkauf";
    let first = save_package(dir.path(), stem, &draft()).unwrap();
    assert_eq!(
        first.eml,
        dir.path().join("CBAM 2026 – Müller_ Einkauf.eml")
    );
    assert_eq!(
        first.zip,
        dir.path().join("CBAM 2026 – Müller_ Einkauf.zip")
    );
    let second = save_package(dir.path(), stem, &draft()).unwrap();
    assert_eq!(
        second.eml,
        dir.path().join("CBAM 2026 – Müller_ Einkauf (2).eml")
    );
    // Only the zip of the third name exists: both files move on to the fourth.
    std::fs::write(
        dir.path().join("CBAM 2026 – Müller_ Einkauf (3).zip"),
        b"mine",
    )
    .unwrap();
    let fourth = save_package(dir.path(), stem, &draft()).unwrap();
    assert_eq!(
        fourth.zip,
        dir.path().join("CBAM 2026 – Müller_ Einkauf (4).zip")
    );
    assert_eq!(
        std::fs::read(dir.path().join("CBAM 2026 – Müller_ Einkauf (3).zip")).unwrap(),
        b"mine"
    );
    assert_eq!(
        std::fs::read(&first.eml).unwrap(),
        draft().to_eml().unwrap()
    );
    assert_eq!(names(dir.path()).len(), 7, "{:?}", names(dir.path()));
    assert!(names(dir.path()).iter().all(|n| !n.starts_with(".athar-")));
}

#[test]
fn bad_input_is_a_typed_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = draft();
    d.to.clear();
    assert!(matches!(d.to_eml(), Err(MailError::NoRecipient)));
    let e = save_package(dir.path(), "x", &d).unwrap_err();
    assert_eq!(e.key(), "mail-no-recipient");

    let mut d = draft();
    d.to = vec![Mailbox::new("not an address")];
    assert_eq!(d.to_eml().unwrap_err().key(), "mail-invalid-address");

    let mut d = draft();
    d.message_id = "no-domain".into();
    assert_eq!(d.to_eml().unwrap_err().key(), "mail-invalid-message-id");

    let mut d = draft();
    d.attachments
        .push(Attachment::new("../escape.pdf", vec![1]));
    assert_eq!(d.to_eml().unwrap_err().key(), "mail-invalid-file-name");

    let mut d = draft();
    d.attachments.push(Attachment::new("LINES.csv", vec![1]));
    let e = save_package(dir.path(), "x", &d).unwrap_err();
    assert_eq!(e.key(), "mail-duplicate-file-name");

    let mut d = draft();
    d.date = time::macros::datetime!(1975-01-01 0:00 UTC);
    assert_eq!(
        zip_files(&d.attachments, d.date).unwrap_err().key(),
        "mail-date-out-of-range"
    );
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

#[test]
fn errors_have_fluent_messages_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let en = std::fs::read_to_string(root.join("en/reports.ftl")).unwrap();
    let ar = std::fs::read_to_string(root.join("ar/reports.ftl")).unwrap();
    let io = || std::io::Error::other("x");
    let errors = [
        MailError::NoRecipient,
        MailError::InvalidAddress {
            address: "a".into(),
        },
        MailError::InvalidMessageId { id: "a".into() },
        MailError::DateOutOfRange { date: "a".into() },
        MailError::InvalidFileName { name: "a".into() },
        MailError::DuplicateFileName { name: "a".into() },
        MailError::Zip { detail: "a".into() },
        MailError::FolderMissing { path: "a".into() },
        MailError::NoFreeName {
            dir: "a".into(),
            name: "b".into(),
        },
        MailError::Write {
            path: "a".into(),
            source: io(),
        },
    ];
    for e in errors {
        for (lang, ftl) in [("en", &en), ("ar", &ar)] {
            let line = ftl
                .lines()
                .find(|l| l.starts_with(&format!("{} =", e.key())))
                .unwrap_or_else(|| panic!("{} missing in {lang}", e.key()));
            for (name, _) in e.args() {
                assert!(
                    line.contains(&format!("${name}")),
                    "{lang} {}: no ${name}",
                    e.key()
                );
            }
        }
    }
}
