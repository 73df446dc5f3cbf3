//! Small helpers over quick-xml shared by the readers and the rewriters: a strict reader,
//! attributes by local name (prefixes vary between producers: `x:c` and `c` are the same
//! element), and text content with entity references resolved.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::FillError;

/// A part as UTF-8 text without its byte-order mark, and the length of that mark.
pub(crate) fn part_text<'a>(part: &str, bytes: &'a [u8]) -> Result<(usize, &'a str), FillError> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let text = std::str::from_utf8(&bytes[bom..])
        .map_err(|e| FillError::damaged(part, format!("not UTF-8 text ({e})")))?;
    Ok((bom, text))
}

/// A reader that keeps every byte (no trimming) and insists on matching end tags.
pub(crate) fn reader(text: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_str(text);
    let config = r.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.expand_empty_elements = false;
    r
}

/// Events of a part, failing on malformed XML and on a document that ends inside an element
/// (quick-xml alone reports a truncated document as a normal end).
pub(crate) struct Events<'a> {
    part: &'a str,
    reader: Reader<&'a [u8]>,
    depth: usize,
}

impl<'a> Events<'a> {
    pub fn new(part: &'a str, text: &'a str) -> Self {
        Events {
            part,
            reader: reader(text),
            depth: 0,
        }
    }

    pub fn next(&mut self) -> Result<Event<'a>, FillError> {
        let ev = self
            .reader
            .read_event()
            .map_err(|e| xml_error(self.part, &self.reader, e))?;
        match &ev {
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof if self.depth > 0 => {
                return Err(FillError::damaged(
                    self.part,
                    "the XML ends inside an element",
                ))
            }
            _ => {}
        }
        Ok(ev)
    }
}

/// The local part of a qualified name: `x:row` → `row`.
pub(crate) fn local(qname: &str) -> &str {
    qname.rsplit_once(':').map_or(qname, |(_, l)| l)
}

/// The prefix with its colon (`x:`), or empty, so new elements match their neighbours.
pub(crate) fn prefix(qname: &str) -> &str {
    qname
        .rsplit_once(':')
        .map_or("", |(p, _)| &qname[..p.len() + 1])
}

/// All attributes in document order: (qualified name, unescaped value).
pub(crate) fn attributes(part: &str, e: &BytesStart) -> Result<Vec<(String, String)>, FillError> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| FillError::damaged(part, err))?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| FillError::damaged(part, err))?;
        out.push((a.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(out)
}

/// The value of the unprefixed attribute `name` (`r`, `t`, `ref`...).
pub(crate) fn attr(part: &str, e: &BytesStart, name: &str) -> Result<Option<String>, FillError> {
    for a in e.attributes() {
        let a = a.map_err(|err| FillError::damaged(part, err))?;
        if a.key.as_ref() == name {
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| FillError::damaged(part, err))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The value of a prefixed attribute by its local name, whatever the prefix (`r:id`).
pub(crate) fn prefixed_attr(
    part: &str,
    e: &BytesStart,
    local_name: &str,
) -> Result<Option<String>, FillError> {
    for a in e.attributes() {
        let a = a.map_err(|err| FillError::damaged(part, err))?;
        let key = a.key.as_ref();
        if key.contains(':') && local(key) == local_name {
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| FillError::damaged(part, err))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The text of an entity or character reference (`&amp;`, `&#x41;`).
pub(crate) fn resolve_ref(part: &str, r: &BytesRef) -> Result<Cow<'static, str>, FillError> {
    if let Some(c) = r
        .resolve_char_ref()
        .map_err(|e| FillError::damaged(part, e))?
    {
        return Ok(Cow::Owned(c.to_string()));
    }
    let s = match &**r {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => {
            return Err(FillError::damaged(
                part,
                format!("unknown entity &{other};"),
            ))
        }
    };
    Ok(Cow::Borrowed(s))
}

/// Maps a quick-xml error to a damaged part, with the byte offset where it happened.
pub(crate) fn xml_error(part: &str, reader: &Reader<&[u8]>, e: quick_xml::Error) -> FillError {
    FillError::damaged(
        part,
        format!("malformed XML at byte {}: {e}", reader.error_position()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_prefix_and_local() {
        assert_eq!(local("x:row"), "row");
        assert_eq!(prefix("x:row"), "x:");
        assert_eq!(local("row"), "row");
        assert_eq!(prefix("row"), "");
    }

    #[test]
    fn strips_the_byte_order_mark() {
        let (bom, text) = part_text("p", b"\xEF\xBB\xBF<a/>").unwrap();
        assert_eq!((bom, text), (3, "<a/>"));
        assert_eq!(
            part_text("p", b"\xFF\xFE<\0").unwrap_err().key(),
            "xlsx-damaged-part"
        );
    }
}
