//! The `.zip` of the same files, for customers who prefer a download or a USB stick to an
//! email. Built with the `zip` crate (deflate only) with every varying field fixed: the
//! entries' time is the draft's date, permissions are 0644 and the "made by" system is Unix
//! on every platform, so the same files give the same bytes.

use std::collections::BTreeSet;
use std::io::{Cursor, Write};

use time::OffsetDateTime;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::draft::{check_file_name, Attachment};
use crate::error::MailError;

fn zip_error(e: impl std::fmt::Display) -> MailError {
    MailError::Zip {
        detail: e.to_string(),
    }
}

/// A zip archive of `files` in the given order, each stamped with `modified` (its wall-clock
/// time; zip stores no time zone). Zip dates run from 1980 to 2107.
pub fn zip_files(files: &[Attachment], modified: OffsetDateTime) -> Result<Vec<u8>, MailError> {
    let out_of_range = || MailError::DateOutOfRange {
        date: modified.to_string(),
    };
    let year = u16::try_from(modified.year()).map_err(|_| out_of_range())?;
    let stamp = DateTime::from_date_and_time(
        year,
        u8::from(modified.month()),
        modified.day(),
        modified.hour(),
        modified.minute(),
        modified.second(),
    )
    .map_err(|_| out_of_range())?;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644)
        .system(System::Unix);

    let mut seen = BTreeSet::new();
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for f in files {
        check_file_name(&f.file_name)?;
        if !seen.insert(f.file_name.to_lowercase()) {
            return Err(MailError::DuplicateFileName {
                name: f.file_name.clone(),
            });
        }
        writer
            .start_file(f.file_name.as_str(), options)
            .map_err(zip_error)?;
        writer.write_all(&f.bytes).map_err(zip_error)?;
    }
    Ok(writer.finish().map_err(zip_error)?.into_inner())
}
