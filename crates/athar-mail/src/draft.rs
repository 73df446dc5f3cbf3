//! The `.eml` draft: an RFC 5322 message, MIME `multipart/mixed`, that the user opens in
//! their mail client, checks and sends when a connection exists.
//!
//! mail-builder (Stalwart Labs, the builder of the Stalwart mail server) does the fiddly
//! encodings: RFC 2047 encoded-words for an Arabic subject or display name, RFC 2231
//! `filename*=UTF-8''…` parameters (split into sections when long) for non-ASCII attachment
//! names, header folding, and quoted-printable or base64 for the body, whichever is shorter.
//! We fix the parts it would otherwise make up, so the same draft gives the same bytes: the
//! date and Message-ID come from the caller and the MIME boundary is derived from the
//! content. Attachments are base64-encoded here, whatever their type, so that even a text
//! attachment (CSV) comes back byte for byte. Like Thunderbird, we name an attachment twice:
//! RFC 2231 `filename*` in `Content-Disposition` (the standard), and RFC 2047 encoded-words in
//! the `Content-Type` `name` parameter, which is what Outlook reads.
//!
//! `X-Unsent: 1` is the header Outlook reads to open an `.eml` as a new message ready to send
//! rather than as a received one; Thunderbird 153 does the same (checked by hand: the Arabic
//! subject and body, the recipient and the three attachments with their Arabic and German
//! names appeared in its compose window). A client that ignores the header shows the message
//! with its attachments, and its "edit as new message" command makes the draft. `From` is
//! optional so that the client fills in the user's own account. The tests read the MIME
//! structure back with mail-parser.

use std::borrow::Cow;

use base64::Engine;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::headers::text::Text;
use mail_builder::mime::{BodyPart, MimePart};
use mail_builder::MessageBuilder;
use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;

use crate::error::MailError;

/// A person or organisation and their address, e.g. `Einkauf <einkauf@example.de>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

impl Mailbox {
    pub fn new(address: impl Into<String>) -> Self {
        Mailbox {
            name: None,
            address: address.into(),
        }
    }

    pub fn named(name: impl Into<String>, address: impl Into<String>) -> Self {
        Mailbox {
            name: Some(name.into()),
            address: address.into(),
        }
    }
}

/// A file to attach (and to put in the zip): its name as the recipient will see it, its MIME
/// type and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl Attachment {
    /// An attachment whose MIME type follows from the file name's extension
    /// ([`content_type_for`]).
    pub fn new(file_name: impl Into<String>, bytes: Vec<u8>) -> Self {
        let file_name = file_name.into();
        Attachment {
            content_type: content_type_for(&file_name).to_string(),
            file_name,
            bytes,
        }
    }
}

/// The MIME type of the files Athar exports, by extension; `application/octet-stream` for
/// anything else.
pub fn content_type_for(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsm" => "application/vnd.ms-excel.sheet.macroEnabled.12",
        "pdf" => "application/pdf",
        "xml" => "application/xml",
        "xhtml" => "application/xhtml+xml",
        "html" | "htm" => "text/html",
        "zip" => "application/zip",
        "json" => "application/json",
        "csv" => "text/csv",
        "txt" => "text/plain",
        _ => "application/octet-stream",
    }
}

/// An email for one customer. `date` and `message_id` are given by the caller so the output
/// is deterministic; `body` is plain text (any line endings); `language` (`"en"`, `"ar"`)
/// becomes the body's `Content-Language`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub from: Option<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    pub subject: String,
    pub body: String,
    pub language: Option<String>,
    pub date: OffsetDateTime,
    /// `unique@domain`, with or without the angle brackets.
    pub message_id: String,
    pub attachments: Vec<Attachment>,
}

/// Checks an address: ASCII, one `@`, something on both sides, nothing that would break the
/// header (spaces, brackets, commas, quotes, semicolons).
fn check_address(address: &str) -> Result<(), MailError> {
    let bad = || MailError::InvalidAddress {
        address: address.to_string(),
    };
    let (local, domain) = address.split_once('@').ok_or_else(bad)?;
    let allowed = |c: char| c.is_ascii_graphic() && !"<>()[],;:\\\"@".contains(c);
    if local.is_empty()
        || domain.is_empty()
        || !local.chars().all(allowed)
        || !domain.chars().all(allowed)
        || domain.starts_with('.')
        || domain.ends_with('.')
        || !domain.contains('.')
    {
        return Err(bad());
    }
    Ok(())
}

/// A header value on one line: line breaks (which could start a new header) become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn address<'a>(m: &'a Mailbox) -> Result<Address<'a>, MailError> {
    check_address(&m.address)?;
    let name = m
        .name
        .as_deref()
        .map(one_line)
        .filter(|n| !n.trim().is_empty());
    Ok(Address::new_address(name, m.address.as_str()))
}

fn address_list<'a>(list: &'a [Mailbox]) -> Result<Address<'a>, MailError> {
    let addresses = list.iter().map(address).collect::<Result<Vec<_>, _>>()?;
    Ok(match addresses.len() {
        1 => addresses.into_iter().next().expect("one address"),
        _ => Address::new_list(addresses),
    })
}

fn message_id(id: &str) -> Result<String, MailError> {
    let trimmed = id.trim().trim_start_matches('<').trim_end_matches('>');
    let ok = trimmed
        .split_once('@')
        .is_some_and(|(l, r)| !l.is_empty() && !r.is_empty() && !r.contains('@'))
        && trimmed
            .chars()
            .all(|c| c.is_ascii_graphic() && !"<>()[],;:\\\"".contains(c));
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(MailError::InvalidMessageId { id: id.to_string() })
    }
}

/// An attachment file name: not empty, no folders, no control characters.
pub(crate) fn check_file_name(name: &str) -> Result<(), MailError> {
    if name.trim().is_empty()
        || name.contains(['/', '\\'])
        || name.chars().any(char::is_control)
        || name == "."
        || name == ".."
    {
        return Err(MailError::InvalidFileName {
            name: name.to_string(),
        });
    }
    Ok(())
}

/// Base64 in lines of 76 characters, as MIME wants.
fn base64_lines(bytes: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / 76 * 2 + 2);
    for (i, chunk) in encoded.as_bytes().chunks(76).enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        // Base64 is ASCII.
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
    }
    out
}

/// `type; name="…"` with the name as RFC 2047 encoded-words when it is not ASCII, each word
/// short enough that even the first, after ` name="`, fits a 78-character line
/// (mail-builder folds between them).
fn content_type_with_name(content_type: &str, file_name: &str) -> String {
    let ct = one_line(content_type);
    if file_name.is_ascii() {
        let escaped = file_name.replace('\\', "\\\\").replace('"', "\\\"");
        return format!("{ct}; name=\"{escaped}\"");
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in file_name.chars() {
        if chunk.len() + c.len_utf8() > 39 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    let encoded: Vec<String> = words
        .iter()
        .map(|w| {
            format!(
                "=?utf-8?B?{}?=",
                base64::engine::general_purpose::STANDARD.encode(w.as_bytes())
            )
        })
        .collect();
    format!("{ct}; name=\"{}\"", encoded.join(" "))
}

/// FNV-1a: a stable hash, so the boundary does not change between Rust versions.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Draft {
    /// The draft as `.eml` bytes (CRLF line endings).
    pub fn to_eml(&self) -> Result<Vec<u8>, MailError> {
        if self.to.is_empty() {
            return Err(MailError::NoRecipient);
        }
        let id = message_id(&self.message_id)?;
        let date = self
            .date
            .format(&Rfc2822)
            .map_err(|_| MailError::DateOutOfRange {
                date: self.date.to_string(),
            })?;
        for a in &self.attachments {
            check_file_name(&a.file_name)?;
        }
        // Canonical text: CRLF line endings.
        let body = self
            .body
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\n', "\r\n");

        let encoded: Vec<String> = self
            .attachments
            .iter()
            .map(|a| base64_lines(&a.bytes))
            .collect();
        // A boundary that cannot occur in the parts: "=_" never appears in base64 or
        // quoted-printable, and a plain body is checked.
        let mut salt = 0u32;
        let boundary = loop {
            let h = fnv1a(&[id.as_bytes(), body.as_bytes(), &salt.to_be_bytes()]);
            let b = format!("=_athar_{h:016x}");
            if !body.contains(&b) {
                break b;
            }
            salt += 1;
        };

        let mut text = MimePart::new(
            ContentType::new("text/plain").attribute("charset", "utf-8"),
            BodyPart::Text(Cow::Borrowed(body.as_str())),
        );
        if let Some(lang) = &self.language {
            text = text.language(one_line(lang));
        }
        let mut parts = vec![text];
        for (a, data) in self.attachments.iter().zip(&encoded) {
            parts.push(
                MimePart::raw(BodyPart::Text(Cow::Borrowed(data.as_str())))
                    .header(
                        "Content-Type",
                        Raw::new(content_type_with_name(&a.content_type, &a.file_name)),
                    )
                    .header(
                        "Content-Disposition",
                        ContentType::new("attachment").attribute("filename", a.file_name.as_str()),
                    )
                    .header("Content-Transfer-Encoding", Raw::new("base64")),
            );
        }
        let root = MimePart::new(
            ContentType::new("multipart/mixed").attribute("boundary", boundary),
            BodyPart::Multipart(parts),
        );

        let mut message = MessageBuilder::new();
        if let Some(from) = &self.from {
            message = message.from(address(from)?);
        }
        message = message.to(address_list(&self.to)?);
        if !self.cc.is_empty() {
            message = message.cc(address_list(&self.cc)?);
        }
        let message = message
            .subject(Text::new(one_line(&self.subject)))
            .header("Date", Raw::new(date))
            .message_id(MessageId::new(id))
            .header("X-Unsent", Raw::new("1"))
            .body(root);
        let mut out = Vec::new();
        message.serialize(&mut out);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        for ok in ["a@b.de", "first.last+cbam@sub.example.com"] {
            assert!(check_address(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "no-at",
            "@b.de",
            "a@",
            "a@b",
            "a b@c.de",
            "a@b.de\r\nBcc: x@y.z",
            "a<b@c.de",
            "müller@b.de",
            "a@@b.de",
        ] {
            assert!(check_address(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn message_ids_are_checked_and_unwrapped() {
        assert_eq!(message_id("<x.1@athar.local>").unwrap(), "x.1@athar.local");
        assert_eq!(message_id("x.1@athar.local").unwrap(), "x.1@athar.local");
        for bad in ["", "nodomain", "a b@c", "@c", "a@", "a@b@c"] {
            assert!(message_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(
            content_type_for("CBAM Communication.XLSX"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(content_type_for("ملخص.pdf"), "application/pdf");
        assert_eq!(content_type_for("report.xhtml"), "application/xhtml+xml");
        assert_eq!(content_type_for("no-extension"), "application/octet-stream");
    }

    #[test]
    fn base64_lines_are_76_characters() {
        let s = base64_lines(&[7u8; 200]);
        let lines: Vec<&str> = s.split("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[..3].iter().all(|l| l.len() == 76));
        assert_eq!(base64_lines(b""), "");
    }

    #[test]
    fn attachment_names_for_outlook_are_encoded_words() {
        assert_eq!(
            content_type_with_name("application/pdf", "a \"b\".pdf"),
            "application/pdf; name=\"a \\\"b\\\".pdf\""
        );
        let ct = content_type_with_name("application/pdf", &"ملخص ".repeat(10));
        let words: Vec<&str> = ct["application/pdf; name=\"".len()..ct.len() - 1]
            .split(' ')
            .collect();
        assert!(words.len() > 1);
        for w in words {
            assert!(
                w.starts_with("=?utf-8?B?") && w.ends_with("?=") && w.len() <= 75,
                "{w}"
            );
        }
    }

    #[test]
    fn header_values_stay_on_one_line() {
        assert_eq!(one_line("a\r\nBcc: x"), "a  Bcc: x");
    }
}
