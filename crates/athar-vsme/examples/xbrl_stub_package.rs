//! Writes a stand-in taxonomy package for validating Athar's Inline XBRL offline with Arelle,
//! and, optionally, the Inline XBRL of EFRAG's 1.3.0 sample to validate with it.
//!
//! ```sh
//! cargo run -p athar-vsme --example xbrl_stub_package -- /tmp/vsme-stub.zip [/tmp/sample.xhtml]
//! arelleCmdLine --packages /tmp/vsme-stub.zip --file /tmp/sample.xhtml --validate --utr \
//!     --internetConnectivity offline
//! ```
//!
//! EFRAG's taxonomy schema files are online only; this package stands in for them at their
//! URLs (`https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/vsme-all.xsd` and the country, NACE
//! and waste code-list namespaces). It is built from Athar's own model
//! (`data/vsme-2026-05-01.json`, transcribed from EFRAG's taxonomy JSON): every concept with its
//! data type, period type and substitution group; the hypercubes as definition linkbase
//! relationships (closed, scenario, with dimension defaults and typed domains); each
//! enumeration's options as an extensible-enumeration 2.0 domain. The XBRL, DTR and enum2
//! schemas and the UTR come from Arelle's own offline cache. It is a test instrument, not the
//! taxonomy: see `docs/vsme-xbrl.md` for what it lets Arelle check and what it cannot.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;

use athar_vsme::model::{local_name, FieldKind, Model};

const VSME_BASE: &str = "https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/";
const ROLE_BASE: &str = "https://xbrl.efrag.org/taxonomy/vsme/2026-05-01/role/";

fn element_id(qname: &str) -> String {
    qname.replace([':', '.'], "_")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let zip_path = args.next().unwrap_or_else(|| "vsme-stub.zip".to_string());
    let sample_out = args.next();
    let m = Model::get();
    let ns = |p: &str| m.taxonomy.namespaces.get(p).cloned().unwrap_or_default();

    // Every concept the model knows, by namespace prefix.
    let mut concepts: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new(); // prefix → (local, xml)
    let mut add = |qname: &str, xml: String| {
        let (p, l) = qname.split_once(':').expect("qname");
        concepts
            .entry(p.to_string())
            .or_default()
            .push((l.to_string(), xml));
    };
    let enum_domain_head = |concept: &str| format!("vsme:{}EnumerationDomain", local_name(concept));
    let enum_role = |concept: &str| format!("{ROLE_BASE}enumeration/{}", local_name(concept));
    for d in &m.datapoints {
        let period = match d.period {
            athar_vsme::model::PeriodType::Instant => "instant",
            athar_vsme::model::PeriodType::Duration => "duration",
        };
        let mut extra = String::new();
        if matches!(d.kind, FieldKind::EnumSingle | FieldKind::EnumSet) {
            let _ = write!(
                extra,
                " enum2:domain=\"{}\" enum2:linkrole=\"{}\" enum2:headUsable=\"false\"",
                enum_domain_head(&d.concept),
                enum_role(&d.concept)
            );
        }
        if d.kind == FieldKind::Monetary {
            extra.push_str(" xbrli:balance=\"debit\"");
        }
        add(
            &d.concept,
            format!(
                "<xsd:element name=\"{}\" id=\"{}\" type=\"{}\" substitutionGroup=\"xbrli:item\" nillable=\"true\" xbrli:periodType=\"{period}\"{extra}/>",
                local_name(&d.concept),
                element_id(&d.concept),
                d.data_type
            ),
        );
    }
    let abstract_item = |q: &str, group: &str, t: &str, extra: &str| {
        format!(
            "<xsd:element name=\"{}\" id=\"{}\" type=\"{t}\" substitutionGroup=\"{group}\" abstract=\"true\" nillable=\"true\" xbrli:periodType=\"duration\"{extra}/>",
            local_name(q),
            element_id(q)
        )
    };
    let mut members: BTreeSet<String> = m.members.iter().map(|x| x.qname.clone()).collect();
    for e in &m.enumerations {
        members.extend(e.members.iter().cloned());
        add(
            &enum_domain_head(&e.concept),
            abstract_item(
                &enum_domain_head(&e.concept),
                "xbrli:item",
                "dtr-types:domainItemType",
                "",
            ),
        );
    }
    // Some options are datapoints themselves (the "other disclosures" text blocks are also
    // options of the lists of omitted or unchanged disclosures): declared once.
    for q in members.iter().filter(|q| m.datapoint(q).is_none()) {
        add(
            q,
            abstract_item(q, "xbrli:item", "dtr-types:domainItemType", ""),
        );
    }
    let cubes: BTreeSet<&str> = m.hypercubes.iter().map(|h| h.concept.as_str()).collect();
    for c in &cubes {
        add(
            c,
            abstract_item(c, "xbrldt:hypercubeItem", "xbrli:stringItemType", ""),
        );
    }
    for a in &m.axes {
        let extra = match &a.typed_element {
            Some(t) => format!(" xbrldt:typedDomainRef=\"#{}\"", element_id(t)),
            None => String::new(),
        };
        add(
            &a.concept,
            abstract_item(
                &a.concept,
                "xbrldt:dimensionItem",
                "xbrli:stringItemType",
                &extra,
            ),
        );
    }
    let typed: BTreeSet<&str> = m
        .axes
        .iter()
        .filter_map(|a| a.typed_element.as_deref())
        .collect();

    // The definition linkbase.
    let mut roles: BTreeSet<String> = BTreeSet::new();
    let mut links = String::new();
    let loc = |q: &str, file: &str| {
        format!(
            "<link:loc xlink:type=\"locator\" xlink:href=\"{file}#{}\" xlink:label=\"{}\"/>",
            element_id(q),
            element_id(q)
        )
    };
    let file_of = |q: &str| -> String {
        match q.split_once(':').map(|(p, _)| p) {
            Some("vsme") => "vsme-all.xsd".to_string(),
            Some(p) => format!("{p}.xsd"),
            None => String::new(),
        }
    };
    let arc = |role: &str, from: &str, to: &str, extra: &str| {
        format!("<link:definitionArc xlink:type=\"arc\" xlink:arcrole=\"http://xbrl.org/int/dim/arcrole/{role}\" xlink:from=\"{}\" xlink:to=\"{}\"{extra}/>", element_id(from), element_id(to))
    };
    let defaults: BTreeMap<&str, &str> = m
        .axes
        .iter()
        .filter_map(|a| Some((a.concept.as_str(), a.default_member.as_deref()?)))
        .collect();
    for h in &m.hypercubes {
        let role = format!("{ROLE_BASE}{}", h.section);
        roles.insert(role.clone());
        let mut locs: BTreeSet<String> = BTreeSet::new();
        let mut arcs = String::new();
        let need = |q: &str, locs: &mut BTreeSet<String>| {
            locs.insert(q.to_string());
        };
        need(&h.concept, &mut locs);
        for p in &h.primary_items {
            need(p, &mut locs);
            arcs.push_str(&arc(
                "all",
                p,
                &h.concept,
                " xbrldt:contextElement=\"scenario\" xbrldt:closed=\"true\"",
            ));
        }
        for a in &h.axes {
            need(a, &mut locs);
            arcs.push_str(&arc("hypercube-dimension", &h.concept, a, ""));
            let axis = m.axis(a).expect("axis");
            if axis.typed_element.is_some() {
                continue;
            }
            // Members this table allows (the model keeps the union over tables; the reporting
            // scopes of role-110 and role-124 differ).
            let allowed: Vec<&String> = match (a.as_str(), h.section.as_str()) {
                ("vsme:ReportingScopesAxis", "role-110") => axis
                    .members
                    .iter()
                    .filter(|x| x.ends_with("CurrentlyStatedMember"))
                    .collect(),
                ("vsme:ReportingScopesAxis", _) => axis
                    .members
                    .iter()
                    .filter(|x| !x.ends_with("CurrentlyStatedMember"))
                    .collect(),
                _ => axis.members.iter().collect(),
            };
            let Some(head) = allowed.first() else {
                continue;
            };
            need(head, &mut locs);
            arcs.push_str(&arc("dimension-domain", a, head, ""));
            for mem in allowed.iter().skip(1) {
                need(mem, &mut locs);
                arcs.push_str(&arc("domain-member", head, mem, ""));
            }
            if let Some(def) = defaults.get(a.as_str()) {
                need(def, &mut locs);
                if !allowed.iter().any(|x| x.as_str() == *def) {
                    arcs.push_str(&arc("domain-member", head, def, ""));
                }
            }
        }
        let _ = write!(
            links,
            "<link:definitionLink xlink:type=\"extended\" xlink:role=\"{role}\">"
        );
        for q in &locs {
            links.push_str(&loc(q, &file_of(q)));
        }
        links.push_str(&arcs);
        links.push_str("</link:definitionLink>\n");
    }
    // Dimension defaults, in one role of their own.
    let default_role = format!("{ROLE_BASE}dimension-defaults");
    roles.insert(default_role.clone());
    let _ = write!(
        links,
        "<link:definitionLink xlink:type=\"extended\" xlink:role=\"{default_role}\">"
    );
    let mut seen = BTreeSet::new();
    for (a, d) in &defaults {
        for q in [*a, *d] {
            if seen.insert(q) {
                links.push_str(&loc(q, &file_of(q)));
            }
        }
    }
    for (a, d) in &defaults {
        links.push_str(&arc("dimension-default", a, d, ""));
    }
    links.push_str("</link:definitionLink>\n");
    // Enumeration domains.
    for e in &m.enumerations {
        let role = enum_role(&e.concept);
        roles.insert(role.clone());
        let head = enum_domain_head(&e.concept);
        let _ = write!(
            links,
            "<link:definitionLink xlink:type=\"extended\" xlink:role=\"{role}\">"
        );
        links.push_str(&loc(&head, &file_of(&head)));
        for q in &e.members {
            links.push_str(&loc(q, &file_of(q)));
        }
        for q in &e.members {
            links.push_str(&arc("domain-member", &head, q, ""));
        }
        links.push_str("</link:definitionLink>\n");
    }
    let mut def = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<link:linkbase xmlns:link=\"http://www.xbrl.org/2003/linkbase\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xbrldt=\"http://xbrl.org/2005/xbrldt\">\n");
    for r in &roles {
        let id = r.rsplit('/').next().unwrap_or("r").replace(['.', ' '], "_");
        let _ = writeln!(def, "<link:roleRef roleURI=\"{r}\" xlink:type=\"simple\" xlink:href=\"vsme-all.xsd#{id}\"/>");
    }
    for a in [
        "all",
        "hypercube-dimension",
        "dimension-domain",
        "domain-member",
        "dimension-default",
    ] {
        let _ = writeln!(def, "<link:arcroleRef arcroleURI=\"http://xbrl.org/int/dim/arcrole/{a}\" xlink:type=\"simple\" xlink:href=\"http://www.xbrl.org/2005/xbrldt-2005.xsd#{a}\"/>");
    }
    def.push_str(&links);
    def.push_str("</link:linkbase>\n");

    // The schemas.
    let header = |target: &str, prefix: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xsd:schema targetNamespace=\"{target}\" elementFormDefault=\"qualified\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:link=\"http://www.xbrl.org/2003/linkbase\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xbrldt=\"http://xbrl.org/2005/xbrldt\" xmlns:dtr-types=\"{}\" xmlns:enum2=\"{}\" xmlns:{prefix}=\"{target}\">\n",
            ns("dtr-types"),
            ns("enum2")
        )
    };
    let imports = "<xsd:import namespace=\"http://www.xbrl.org/2003/instance\" schemaLocation=\"http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd\"/>\n<xsd:import namespace=\"http://xbrl.org/2005/xbrldt\" schemaLocation=\"http://www.xbrl.org/2005/xbrldt-2005.xsd\"/>\n<xsd:import namespace=\"http://www.xbrl.org/dtr/type/2024-01-31\" schemaLocation=\"https://www.xbrl.org/dtr/type/2024-01-31/types.xsd\"/>\n<xsd:import namespace=\"http://xbrl.org/2020/extensible-enumerations-2.0\" schemaLocation=\"https://www.xbrl.org/2020/extensible-enumerations-2.0.xsd\"/>\n";
    let mut files: Vec<(String, String)> = Vec::new();
    for (prefix, list) in &concepts {
        let target = ns(prefix);
        let mut x = header(&target, prefix);
        if prefix == "vsme" {
            x.push_str("<xsd:annotation><xsd:appinfo>\n<link:linkbaseRef xlink:type=\"simple\" xlink:href=\"vsme-def.xml\" xlink:role=\"http://www.xbrl.org/2003/role/definitionLinkbaseRef\" xlink:arcrole=\"http://www.w3.org/1999/xlink/properties/linkbase\"/>\n");
            for r in &roles {
                let id = r.rsplit('/').next().unwrap_or("r").replace(['.', ' '], "_");
                let _ = writeln!(x, "<link:roleType roleURI=\"{r}\" id=\"{id}\"><link:usedOn>link:definitionLink</link:usedOn></link:roleType>");
            }
            x.push_str("</xsd:appinfo></xsd:annotation>\n");
        }
        x.push_str(imports);
        if prefix == "vsme" {
            for other in concepts.keys().filter(|p| *p != "vsme") {
                let _ = writeln!(
                    x,
                    "<xsd:import namespace=\"{}\" schemaLocation=\"{other}.xsd\"/>",
                    ns(other)
                );
            }
            for t in &typed {
                let _ = writeln!(
                    x,
                    "<xsd:element name=\"{}\" id=\"{}\" type=\"xsd:string\"/>",
                    local_name(t),
                    element_id(t)
                );
            }
        }
        for (_, el) in list {
            x.push_str(el);
            x.push('\n');
        }
        x.push_str("</xsd:schema>\n");
        let path = if prefix == "vsme" {
            "vsme-all.xsd".to_string()
        } else {
            format!("{prefix}.xsd")
        };
        files.push((path, x));
    }
    files.push(("vsme-def.xml".to_string(), def));

    // The package: files at the namespaces' URLs through the catalog.
    let root = "athar-vsme-stub";
    let dir = "xbrl.efrag.org/taxonomy/vsme/2026-05-01";
    let mut catalog = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n<rewriteURI uriStartString=\"{VSME_BASE}\" rewritePrefix=\"../{dir}/\"/>\n");
    catalog.push_str("</catalog>\n");
    let package = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tp:taxonomyPackage xmlns:tp=\"http://xbrl.org/2016/taxonomy-package\" xml:lang=\"en\">\n<tp:identifier>urn:athar:vsme-stub:2026-05-01</tp:identifier>\n<tp:name>Athar stand-in for the VSME taxonomy 2026-05-01 (validation only)</tp:name>\n<tp:version>2026-05-01</tp:version>\n<tp:entryPoints><tp:entryPoint><tp:name>VSME</tp:name><tp:entryPointDocument href=\"{VSME_BASE}vsme-all.xsd\"/></tp:entryPoint></tp:entryPoints>\n</tp:taxonomyPackage>\n");

    let file = std::fs::File::create(&zip_path).unwrap_or_else(|e| panic!("{zip_path}: {e}"));
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: String, text: &str| {
        zip.start_file(name, opts).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    };
    put(format!("{root}/META-INF/taxonomyPackage.xml"), &package);
    put(format!("{root}/META-INF/catalog.xml"), &catalog);
    for (path, text) in &files {
        put(format!("{root}/{dir}/{path}"), text);
    }
    zip.finish().expect("zip");
    eprintln!("wrote {zip_path}");

    if let Some(out) = sample_out {
        let reference = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/reference");
        let bytes = std::fs::read(format!(
            "{reference}/vsme/templates/VSME-Digital-Template-Sample-1.3.0.xlsx"
        ))
        .expect("the 1.3.0 sample in shared/reference");
        let t = athar_vsme::template::facts_from_template(&bytes).expect("the sample reads");
        let doc =
            athar_vsme::ixbrl::inline_xbrl(&t.info, &t.facts, &athar_vsme::ixbrl::EnglishLabels)
                .expect("the sample's report");
        std::fs::write(&out, doc).unwrap_or_else(|e| panic!("{out}: {e}"));
        eprintln!("wrote {out}");
    }
}
