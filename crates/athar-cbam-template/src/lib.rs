//! The Commission's CBAM communication template, read and written (work in progress).
