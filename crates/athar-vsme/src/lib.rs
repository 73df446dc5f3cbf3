//! VSME and ESRS E1 reporting (work in progress).
