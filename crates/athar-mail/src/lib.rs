//! Email drafts and zip packages (work in progress).
