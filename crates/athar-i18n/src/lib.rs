//! Every string a user reads comes from here.
//!
//! The `.ftl` files under `locales/en` and `locales/ar` are embedded at build time, so the UI
//! (wasm), the shell and the CLI show the same text and need no files at run time. A missing
//! message falls back to English, then to the key itself, so a gap is visible but never fatal;
//! the tests in `tests/locales.rs` keep the two languages in step.

use athar_protocol::{Lang, UiError};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// The embedded sources: (language, file name, text).
pub const SOURCES: &[(Lang, &str, &str)] = &[
    (
        Lang::En,
        "app.ftl",
        include_str!("../../../locales/en/app.ftl"),
    ),
    (
        Lang::En,
        "errors.ftl",
        include_str!("../../../locales/en/errors.ftl"),
    ),
    (
        Lang::En,
        "validation.ftl",
        include_str!("../../../locales/en/validation.ftl"),
    ),
    (
        Lang::En,
        "cli.ftl",
        include_str!("../../../locales/en/cli.ftl"),
    ),
    (
        Lang::En,
        "activity.ftl",
        include_str!("../../../locales/en/activity.ftl"),
    ),
    (
        Lang::En,
        "cbam.ftl",
        include_str!("../../../locales/en/cbam.ftl"),
    ),
    (
        Lang::En,
        "cbam-app.ftl",
        include_str!("../../../locales/en/cbam-app.ftl"),
    ),
    (
        Lang::En,
        "cbam-wizard.ftl",
        include_str!("../../../locales/en/cbam-wizard.ftl"),
    ),
    (
        Lang::En,
        "documents.ftl",
        include_str!("../../../locales/en/documents.ftl"),
    ),
    (
        Lang::En,
        "vsme.ftl",
        include_str!("../../../locales/en/vsme.ftl"),
    ),
    (
        Lang::En,
        "reports.ftl",
        include_str!("../../../locales/en/reports.ftl"),
    ),
    (
        Lang::En,
        "vsme-app.ftl",
        include_str!("../../../locales/en/vsme-app.ftl"),
    ),
    (
        Lang::Ar,
        "app.ftl",
        include_str!("../../../locales/ar/app.ftl"),
    ),
    (
        Lang::Ar,
        "errors.ftl",
        include_str!("../../../locales/ar/errors.ftl"),
    ),
    (
        Lang::Ar,
        "validation.ftl",
        include_str!("../../../locales/ar/validation.ftl"),
    ),
    (
        Lang::Ar,
        "cli.ftl",
        include_str!("../../../locales/ar/cli.ftl"),
    ),
    (
        Lang::Ar,
        "activity.ftl",
        include_str!("../../../locales/ar/activity.ftl"),
    ),
    (
        Lang::Ar,
        "cbam.ftl",
        include_str!("../../../locales/ar/cbam.ftl"),
    ),
    (
        Lang::Ar,
        "cbam-app.ftl",
        include_str!("../../../locales/ar/cbam-app.ftl"),
    ),
    (
        Lang::Ar,
        "cbam-wizard.ftl",
        include_str!("../../../locales/ar/cbam-wizard.ftl"),
    ),
    (
        Lang::Ar,
        "documents.ftl",
        include_str!("../../../locales/ar/documents.ftl"),
    ),
    (
        Lang::Ar,
        "vsme.ftl",
        include_str!("../../../locales/ar/vsme.ftl"),
    ),
    (
        Lang::Ar,
        "reports.ftl",
        include_str!("../../../locales/ar/reports.ftl"),
    ),
    (
        Lang::Ar,
        "vsme-app.ftl",
        include_str!("../../../locales/ar/vsme-app.ftl"),
    ),
];

/// Formats messages in one language, falling back to English.
pub struct Localizer {
    lang: Lang,
    primary: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("static language id");
    let mut b = FluentBundle::new(vec![id]);
    for (l, name, text) in SOURCES {
        if *l == lang {
            let res = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, errs)| panic!("{}/{name}: {errs:?}", lang.code()));
            b.add_resource(res)
                .unwrap_or_else(|errs| panic!("{}/{name}: {errs:?}", lang.code()));
        }
    }
    b
}

impl Localizer {
    pub fn new(lang: Lang) -> Self {
        Localizer {
            lang,
            primary: bundle(lang),
            fallback: (lang != Lang::En).then(|| bundle(Lang::En)),
        }
    }

    /// Without Unicode isolation marks around arguments: for terminals and logs, where the
    /// invisible FSI/PDI characters get in the way of copying and searching.
    pub fn plain(mut self) -> Self {
        self.primary.set_use_isolating(false);
        if let Some(f) = self.fallback.as_mut() {
            f.set_use_isolating(false);
        }
        self
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, key: &str) -> bool {
        self.primary.has_message(key)
    }

    /// The message `key` without arguments.
    pub fn t(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message `key` with string arguments. Arguments that parse as numbers are passed as
    /// numbers, so plural selection works.
    pub fn format(&self, key: &str, args: &[(String, String)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<f64>() {
                Ok(n) if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '-') => {
                    fargs.set(k.clone(), FluentValue::from(n))
                }
                _ => fargs.set(k.clone(), FluentValue::from(v.clone())),
            }
        }
        for b in std::iter::once(&self.primary).chain(self.fallback.as_ref()) {
            if let Some(msg) = b.get_message(key) {
                if let Some(pattern) = msg.value() {
                    let mut errors = Vec::new();
                    let out = b.format_pattern(pattern, Some(&fargs), &mut errors);
                    return out.into_owned();
                }
            }
        }
        key.to_string()
    }

    /// A user error as one line of text (field problems are listed after it).
    pub fn error(&self, e: &UiError) -> String {
        let mut s = self.format(&e.key, &e.args);
        for f in &e.fields {
            s.push_str("\n  ");
            s.push_str(&self.t(&format!("field-{}", field_label_key(&f.field))));
            s.push_str(": ");
            s.push_str(&self.format(&f.key, &f.args));
        }
        s
    }
}

/// `sites.2.latitude` → `latitude`: field labels are shared by every row of a list.
pub fn field_label_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// Every message id defined for a language, in file order.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for (l, _, text) in SOURCES {
        if *l != lang {
            continue;
        }
        let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_string());
            }
        }
    }
    ids
}
