//! Local language model proposals (work in progress).
