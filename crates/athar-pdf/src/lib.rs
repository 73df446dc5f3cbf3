//! PDF reports in English and Arabic (work in progress).
