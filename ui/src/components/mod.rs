//! Small building blocks shared by the screens: labelled fields with their validation
//! messages, country and currency pickers, the passphrase strength meter, charts and icons.

pub mod chart;
pub mod field;
pub mod icons;
pub mod selects;
pub mod strength;
