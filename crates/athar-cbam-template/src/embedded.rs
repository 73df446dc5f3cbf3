//! The blank communication template built into Athar, when the build found it (see
//! `build.rs`): exports fill it unless the user chose a newer file from the Commission's site.

static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("OUT_DIR"),
    "/cbam-communication-template.xlsx"
));

/// The Commission's blank template V2.1.1, if this build embeds it.
pub fn embedded_template() -> Option<&'static [u8]> {
    (!EMBEDDED.is_empty()).then_some(EMBEDDED)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_template_is_the_blank_v2_1_1_when_the_reference_is_present() {
        let reference = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/reference/cbam/template/CBAM Communication template for installations_en_20241213.xlsx"
        );
        if std::env::var_os("ATHAR_CBAM_TEMPLATE").is_some()
            || !std::path::Path::new(reference).exists()
        {
            return;
        }
        let blank = super::embedded_template().expect("the build embeds the reference template");
        assert_eq!(blank, std::fs::read(reference).unwrap());
        assert_eq!(
            crate::template_version(blank).unwrap(),
            crate::TemplateVersion::V2_1_1
        );
    }
}
