//! Text, classification and fields from bills and invoices (work in progress).
