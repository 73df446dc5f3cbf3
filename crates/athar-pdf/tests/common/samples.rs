//! A CBAM "Embedded emissions summary" in English and Arabic, the shape the CBAM exporter will
//! build: installation details, a long table of goods that runs over several pages, a bar
//! chart, small print and footnotes. Shared by the workflow tests and the
//! `sample_reports` example (which also times rendering).

use std::str::FromStr;

use athar_pdf::{
    format_date, format_decimal, format_percent, localise_digits, ltr, Align, Bar, BarChart, Block,
    Column, Document, Language, Table, TableStyle,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("sample decimal")
}

/// SEE direct, indirect and the default share of good `i`, made up but deterministic.
pub fn good_values(i: usize) -> (Decimal, Decimal, Decimal) {
    let i = i as i64;
    let direct = d("1.2") + Decimal::new((i * 37) % 90, 2);
    let indirect = d("0.2") + Decimal::new((i * 13) % 40, 2);
    let share = Decimal::new((i * 7) % 35, 0);
    (direct, indirect, share)
}

const CN_CODES: [&str; 8] = [
    "7318 15 95",
    "7318 16 99",
    "7318 22 00",
    "7208 39 00",
    "7214 20 00",
    "7217 10 10",
    "7318 14 10",
    "7318 15 88",
];

fn good_name(i: usize, lang: Language) -> String {
    let size = 8 + (i % 12) * 2;
    match (i % 7, lang) {
        (0, Language::English) => format!("Hexagon bolts, zinc plated, M{size}"),
        (1, Language::English) => format!("Hexagon nuts, M{size}"),
        (2, Language::English) => format!("Flat washers, {size} mm"),
        (3, Language::English) => "Hot-rolled coil, thickness below 3 mm".to_string(),
        (4, Language::English) => format!("Reinforcing bar, {size} mm"),
        (5, Language::English) => format!("Cold-drawn wire, {size} mm"),
        (_, Language::English) => {
            "Self-tapping screws of stainless steel with cross-recessed heads, for sheet metal"
                .to_string()
        }
        (0, Language::Arabic) => format!(
            "مسامير سداسية الرأس مطلية بالزنك {}",
            ltr(&format!("M{size}"))
        ),
        (1, Language::Arabic) => format!("صواميل سداسية {}", ltr(&format!("M{size}"))),
        (2, Language::Arabic) => format!(
            "وردات مسطحة {} مم",
            localise_digits(&size.to_string(), lang)
        ),
        (3, Language::Arabic) => "لفائف مدرفلة على الساخن بسُمك أقل من ٣ مم".to_string(),
        (4, Language::Arabic) => {
            format!("حديد تسليح {} مم", localise_digits(&size.to_string(), lang))
        }
        (5, Language::Arabic) => format!(
            "أسلاك مسحوبة على البارد {} مم",
            localise_digits(&size.to_string(), lang)
        ),
        (_, Language::Arabic) => {
            "مسامير ذاتية التنصيص من الصلب المقاوم للصدأ برؤوس متصالبة، لألواح المعادن".to_string()
        }
    }
}

/// The summary with `goods` rows in the table.
pub fn cbam_summary(lang: Language, goods: usize) -> Document {
    let ar = lang == Language::Arabic;
    let t = |en: &str, arabic: &str| {
        if ar {
            arabic.to_string()
        } else {
            en.to_string()
        }
    };
    let period_start = format_date(time::macros::date!(2026 - 01 - 01), lang);
    let period_end = format_date(time::macros::date!(2026 - 12 - 31), lang);
    let importer = "Rheinmetall Befestigungstechnik GmbH";

    let mut doc = Document::new(
        lang,
        t("Embedded emissions summary", "ملخص الانبعاثات المضمنة"),
    );
    doc.subtitle = Some(if ar {
        format!("شركة النيل للمسامير ش.م.م — إلى {}", ltr(importer))
    } else {
        format!("Nile Fasteners S.A.E. — for {importer}")
    });
    doc.running_header = Some(if ar {
        format!(
            "أثر · الانبعاثات المضمنة وفق {} · شركة النيل للمسامير",
            ltr("CBAM")
        )
    } else {
        "Athar · CBAM embedded emissions · Nile Fasteners S.A.E.".to_string()
    });
    doc.footer = Some(if ar {
        format!(
            "محسوبة وفق اللائحة التنفيذية (الاتحاد الأوروبي) {}، الملحق الثالث.",
            ltr(&localise_digits("2025/2547", lang))
        )
    } else {
        "Computed per Implementing Regulation (EU) 2025/2547, Annex III.".to_string()
    });
    doc.page_label = Some(t("Page {page} of {pages}", "صفحة {page} من {pages}"));

    let ef = format_decimal(d("0.4572"), lang, 4);
    doc.push(Block::KeyValues(vec![
        (
            t("Installation", "المنشأة"),
            t(
                "Nile Fasteners — Borg El Arab plant",
                "شركة النيل للمسامير — مصنع برج العرب",
            ),
        ),
        (
            t("Address", "العنوان"),
            t(
                "Industrial Zone 3, Borg El Arab, Alexandria, Egypt",
                "المنطقة الصناعية الثالثة، برج العرب، الإسكندرية، مصر",
            ),
        ),
        (
            if ar { format!("رمز {}", ltr("UN/LOCODE")) } else { "UN/LOCODE".into() },
            ltr("EG ALY"),
        ),
        (
            t("Main emission source", "مصدر الانبعاث الرئيسي"),
            ltr("30.9215 N, 29.5409 E"),
        ),
        (
            t("Reporting period", "فترة الإبلاغ"),
            if ar {
                format!("من {period_start} إلى {period_end}")
            } else {
                format!("{period_start} to {period_end}")
            },
        ),
        (t("Verifier", "جهة التحقق"), t("Delta Verification Services", "دلتا لخدمات التحقق")),
        (
            t("Electricity emission factor", "معامل انبعاث الكهرباء"),
            if ar {
                format!(
                    "{} {}، متوسط الشبكة، التقرير السنوي للشركة القابضة لكهرباء مصر {}",
                    ltr(&ef),
                    ltr("tCO2e/MWh"),
                    localise_digits("2025", lang)
                )
            } else {
                format!("{ef} tCO2e/MWh, grid average, Egyptian Electricity Holding Company annual report 2025")
            },
        ),
    ]));

    doc.push(Block::Heading(t(
        "Specific embedded emissions per good",
        "الانبعاثات المضمنة النوعية لكل سلعة",
    )));
    doc.push(Block::Paragraph(if ar {
        format!(
            "القيم بالطن من مكافئ ثاني أكسيد الكربون لكل طن من السلعة ({}). تُحسب الانبعاثات المباشرة وغير المباشرة كلٌّ على حدة، وتُذكر حصة القيم الافتراضية من الإجمالي.",
            ltr("tCO2e/t")
        )
    } else {
        "Values in tonnes of CO2 equivalent per tonne of good (tCO2e/t). Direct and indirect emissions are computed separately; the last column gives the share of the total that comes from default values.".to_string()
    }));

    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for i in 0..goods {
        let (direct, indirect, share) = good_values(i);
        let total = direct + indirect;
        let method = match i % 3 {
            0 => t("Actual", "قيم فعلية"),
            1 => t("Mixed", "مختلطة"),
            _ => t("Default", "قيم افتراضية"),
        };
        rows.push(vec![
            CN_CODES[i % CN_CODES.len()].to_string(),
            good_name(i, lang),
            method,
            format_decimal(direct, lang, 2),
            format_decimal(indirect, lang, 2),
            format_decimal(total, lang, 2),
            format_percent(share / Decimal::ONE_HUNDRED, lang),
        ]);
        if i < 8 {
            bars.push(Bar {
                label: good_name(i, lang),
                value: total,
                colour: None,
            });
        }
    }
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(
                if ar {
                    format!("رمز {}", ltr("CN"))
                } else {
                    "CN code".into()
                },
                1.1,
                Align::Start,
            ),
            Column::new(t("Good", "السلعة"), 2.6, Align::Start),
            Column::new(t("Method", "الطريقة"), 1.1, Align::Start),
            Column::new(t("SEE direct", "مباشرة"), 1.0, Align::Numeric),
            Column::new(t("SEE indirect", "غير مباشرة"), 1.0, Align::Numeric),
            Column::new(t("SEE total", "الإجمالي"), 1.0, Align::Numeric),
            Column::new(
                t("Default share", "حصة القيم الافتراضية"),
                1.0,
                Align::Numeric,
            ),
        ],
        rows,
        style: TableStyle::Zebra,
    }));

    doc.push(Block::Heading(t(
        "Embedded emissions by good",
        "الانبعاثات المضمنة لكل سلعة",
    )));
    doc.push(Block::BarChart(BarChart {
        title: Some(t(
            "Total SEE of the first goods",
            "إجمالي الانبعاثات المضمنة لأول السلع",
        )),
        axis_label: Some(if ar {
            format!("طن مكافئ ثاني أكسيد الكربون لكل طن ({})", ltr("tCO2e/t"))
        } else {
            "tCO2e per tonne of good".to_string()
        }),
        bars,
        decimals: 2,
    }));

    doc.push(Block::Subheading(t("Method", "المنهجية")));
    doc.push(Block::SmallPrint(if ar {
        "تُحسب الانبعاثات المباشرة المنسوبة وفق المعادلات من ٥٥ إلى ٦٦ في الملحق الثالث، مع تصحيحات الحرارة والغازات العادمة والكهرباء، وتُضاف انبعاثات السلائف المشتراة بحسب الكميات المستهلكة منها.".to_string()
    } else {
        "Directly attributable emissions follow equations 55 to 66 of Annex III, with the corrections for heat, waste gases and electricity; emissions of purchased precursors are added in proportion to the quantities consumed.".to_string()
    }));
    doc.push(Block::Footnotes(vec![
        t(
            "Default values of the country of production with the 2026 mark-up of 10%.",
            "القيم الافتراضية لبلد الإنتاج مع زيادة عام ٢٠٢٦ البالغة ١٠٪.",
        ),
        t(
            "Precursors from the European Union count as zero.",
            "السلائف الواردة من الاتحاد الأوروبي تُحتسب صفرًا.",
        ),
    ]));
    doc
}
