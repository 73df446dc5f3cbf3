//! Writes cell values into an existing workbook (work in progress).
