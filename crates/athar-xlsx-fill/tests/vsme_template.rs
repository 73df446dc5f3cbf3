//! Filling EFRAG's VSME digital template 1.3.0 (read in place) through its named ranges, each
//! named after its XBRL concept: ~50 values, read back by name with our reader and with
//! calamine; protection, validations, names and every other part unchanged.

mod common;

use athar_xlsx_fill::{check, CellContent, CellValue, Workbook};
use common::*;

fn n(text: &str) -> CellValue {
    CellValue::number(text).unwrap()
}

fn t(text: &str) -> CellValue {
    CellValue::text(text)
}

/// (named range, row offset, column offset, value).
fn facts() -> Vec<(&'static str, u32, u32, CellValue)> {
    let single = vec![
        (
            "UndertakingsLegalForm",
            t("private limited liability undertaking"),
        ),
        ("OtherUndertakingsLegalForm", t("شركة ذات مسؤولية محدودة")),
        (
            "CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
            t("Egypt"),
        ),
        (
            "EmployeeCountingMethodology",
            t("At the end of the reporting period"),
        ),
        ("TypeOfNumberOfEmployees", t("Headcount")),
        ("NumberOfEmployees", n("151")),
        ("Turnover", n("23500000.50")),
        ("Assets", n("60000000")),
        (
            "ReportContainsDisclosuresFromThePreviousReportingPeriodThatRemainUnchanged",
            CellValue::Bool(false),
        ),
        (
            "DescriptionOfPracticesPoliciesAndOrFutureInitiatives",
            t("Energy audits every year; الطاقة الشمسية على أسطح المصنع"),
        ),
        (
            "DescriptionOfATargetRelatedToAPolicy",
            t("Cut Scope 1 and 2 by 30 % by 2030"),
        ),
        (
            "MostSeniorLevelAccountableForImplementationOfPolicies",
            t("Managing director — العضو المنتدب"),
        ),
        (
            "DescriptionOfSignificantGroupsOfProductsAndOrServicesOffered",
            t("Cement CEM I 42.5 & clinker"),
        ),
        (
            "DescriptionOfSignificantMarketsTheUndertakingOperatesIn",
            t("Egypt, Italy, Spain"),
        ),
        (
            "DescriptionOfMainBusinessRelationships",
            t("EU importers of cement"),
        ),
        (
            "DescriptionOfKeyElementsOfStrategyThatRelatesToOrAffectsSustainabilityIssues",
            t("Alternative fuels in the kiln"),
        ),
        (
            "UndertakingHasSetATargetWhichIsRelatedToAPolicy",
            CellValue::Bool(true),
        ),
        ("TotalEnergyConsumption", n("250.75")),
        (
            "EnergyConsumptionFromElectricity_RenewableEnergyMember",
            n("12.5"),
        ),
        (
            "EnergyConsumptionFromElectricity_NonRenewableEnergyMember",
            n("100"),
        ),
        (
            "EnergyConsumptionFromSelfGeneratedElectricity_RenewableEnergyMember",
            n("23"),
        ),
        (
            "EnergyConsumptionFromSelfGeneratedElectricity_NonRenewableEnergyMember",
            n("0"),
        ),
        ("GrossScope1GreenhouseGasEmissions", n("1234.567")),
        (
            "GrossScope1GreenhouseGasEmissions_BaselineYearMember",
            n("1500"),
        ),
        (
            "GrossScope1GreenhouseGasEmissions_TargetYearMember",
            n("1050"),
        ),
        ("GrossLocationBasedScope2GreenhouseGasEmissions", n("410.2")),
        ("GrossMarketBasedScope2GreenhouseGasEmissions", n("388.9")),
        ("GreenhouseGasEmissionReductionTargetBaseYear", n("2024")),
        ("GreenhouseGasEmissionReductionTargetYear", n("2030")),
        ("PubliclyAvailableDisclosure", CellValue::Bool(true)),
        (
            "URLOrLinkToThePubliclyAvailableDisclosure",
            t("https://example.com/report?a=1&b=2"),
        ),
        ("TotalAmountOfWaterWithdrawnFromAllSites", n("18250")),
        (
            "WaterDischargeFromUndertakingProductionProcesses",
            n("9000"),
        ),
        ("UndertakingAppliesCircularEconomyPrinciples", t("YES")),
        (
            "DescriptionOfHowCircularEconomyPrinciplesAreApplied",
            t("Kiln dust goes back to the raw mill"),
        ),
        ("NumberOfPermanentContractEmployees", n("110")),
        ("NumberOfMaleEmployees", n("100")),
        ("NumberOfFemaleEmployees", n("51")),
        (
            "NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
            n("2"),
        ),
        (
            "NumberOfFatalitiesAsAResultOfWorkRelatedInjuriesAndWorkRelatedIllHealth",
            n("0"),
        ),
        (
            "UndertakingHasACodeOfConductOrHumanRightsPolicyForItsOwnWorkforce",
            t("YES"),
        ),
        (
            "UndertakingHasConfirmedHumanRightsIncidentsInItsOwnWorkforce",
            t("NO"),
        ),
        (
            "TotalNumberOfConvictionsForTheViolationOfAntiCorruptionAndAntiBriberyLaws",
            n("0"),
        ),
        (
            "TotalAmountOfFinesForTheViolationOfAnticorruptionAndAntibriberyLaws",
            n("0.00"),
        ),
        ("RevenueDerivedFromCoal", n("0")),
    ];
    let mut all: Vec<(&'static str, u32, u32, CellValue)> = single
        .into_iter()
        .map(|(name, v)| (name, 0, 0, v))
        .collect();
    // Two sites, one row each of the sites table (multi-cell names, by offset; its GPS
    // column is a formula).
    for (row, (id, address, postcode, city)) in [
        ("S1", "المنطقة الصناعية الثالثة، قطعة ١٤", "11511", "Helwan"),
        ("S2", "10th of Ramadan, Zone A3", "44629", "العاشر من رمضان"),
    ]
    .into_iter()
    .enumerate()
    {
        let row = row as u32;
        all.push(("IdentifierOfSiteTypedAxis", row, 0, t(id)));
        all.push(("AddressOfSite", row, 0, t(address)));
        all.push(("PostalCodeOfSite", row, 0, t(postcode)));
        all.push(("CityOfSite", row, 0, t(city)));
        all.push(("CountryOfSite", row, 0, t("Egypt")));
    }
    all
}

#[test]
fn fills_named_ranges_and_keeps_everything_else() {
    let original = read(&vsme_template());
    let template = Workbook::from_bytes(original.clone()).unwrap();
    let facts = facts();
    assert!(facts.len() >= 50, "{} facts", facts.len());

    let mut wb = Workbook::from_bytes(original.clone()).unwrap();
    let mut places = Vec::new();
    for (name, row, col, value) in &facts {
        let (sheet, at) = template.name_cell(name, *row, *col).unwrap();
        let before = template.cell_at(&sheet, at).unwrap();
        assert!(
            before
                .as_ref()
                .is_none_or(|c| !c.locked && c.formula.is_none()),
            "{name} ({sheet}!{at}) is not an input cell: {before:?}"
        );
        if *row == 0
            && *col == 0
            && template
                .defined_name(name)
                .unwrap()
                .range
                .as_ref()
                .unwrap()
                .is_single_cell()
        {
            wb.set_named(name, value.clone()).unwrap();
        } else {
            wb.set_named_at(name, *row, *col, value.clone()).unwrap();
        }
        places.push((sheet, at));
    }
    // A computed total (a locked formula cell) gets our figure as its cached result.
    let total = "TotalGrossLocationBasedScope1AndScope2GHGEmissions";
    let (total_sheet, total_at) = template.name_cell(total, 0, 0).unwrap();
    let total_before = template.cell_at(&total_sheet, total_at).unwrap().unwrap();
    assert!(total_before.locked && total_before.formula.is_some());
    wb.set_cached_at(&total_sheet, total_at, n("1644.767"))
        .unwrap();
    let filled = wb.to_bytes().unwrap();
    let total_after = Workbook::from_bytes(filled.clone())
        .unwrap()
        .named_cell(total)
        .unwrap()
        .unwrap();
    assert_eq!(total_after.formula, total_before.formula);
    assert_eq!(total_after.content, CellContent::Number("1644.767".into()));

    // Read back by name (single cells) and by place.
    let back = Workbook::from_bytes(filled.clone()).unwrap();
    for ((name, row, col, value), (sheet, at)) in facts.iter().zip(&places) {
        let got = back.cell_at(sheet, *at).unwrap().unwrap();
        assert_eq!(got.content, CellContent::from(value), "{name}[{row},{col}]");
        if let Some(before) = template.cell_at(sheet, *at).unwrap() {
            assert_eq!(got.style, before.style, "{name} keeps its style");
        }
        if *row == 0 && *col == 0 {
            if let Ok(Some(by_name)) = back.named_cell(name) {
                assert_eq!(by_name, got);
            }
        }
    }
    let at_text: Vec<String> = places.iter().map(|(_, at)| at.to_string()).collect();
    let cal_places: Vec<(&str, &str)> = places
        .iter()
        .zip(&at_text)
        .map(|((s, _), a)| (s.as_str(), a.as_str()))
        .collect();
    let seen = calamine_values(&filled, &cal_places);
    for ((name, _, _, value), data) in facts.iter().zip(&seen) {
        assert!(
            calamine_agrees(data, value),
            "{name}: {data:?} vs {value:?}"
        );
    }

    // Only the four disclosure sheets changed; everything else byte for byte, the
    // calculation chain included (no formula was replaced).
    let mut sheets: Vec<&str> = places.iter().map(|(s, _)| s.as_str()).collect();
    sheets.sort();
    sheets.dedup();
    assert_eq!(
        sheets,
        [
            "Environmental Disclosures",
            "General Information",
            "Governance Disclosures",
            "Social Disclosures"
        ]
    );
    let parts: Vec<String> = sheets
        .iter()
        .map(|s| {
            template
                .sheets()
                .iter()
                .find(|i| i.name == *s)
                .unwrap()
                .part
                .clone()
        })
        .collect();
    let touched: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert_untouched_entries_identical(&original, &filled, &touched, &[]);

    for part in &touched {
        let before = entry_text(&original, part);
        let after = entry_text(&filled, part);
        assert_eq!(
            sheet_outside_data(&after),
            sheet_outside_data(&before),
            "{part}"
        );
        // The SHA-512 protection hash and the validations, as they were.
        assert_eq!(
            elements(&after, "sheetProtection"),
            elements(&before, "sheetProtection")
        );
        assert!(elements(&after, "sheetProtection")[0].contains("algorithmName=\"SHA-512\""));
        assert_eq!(
            elements(&after, "dataValidations"),
            elements(&before, "dataValidations")
        );
        assert_eq!(
            elements(&after, "x14:dataValidations"),
            elements(&before, "x14:dataValidations")
        );
    }
    assert_eq!(back.defined_names(), template.defined_names());
    assert_eq!(back.sheets(), template.sheets());
    assert_eq!(check::check_package(&filled).unwrap(), []);
}

/// The template's 879 names resolve to the sheet and cells the derived list
/// `vsme-template-1.3.0-named-ranges.csv` gives.
#[test]
fn defined_names_match_the_published_list() {
    let wb = Workbook::open(vsme_template()).unwrap();
    let csv =
        std::fs::read_to_string(reference("vsme/vsme-template-1.3.0-named-ranges.csv")).unwrap();
    let mut rows = 0;
    for line in csv.lines().skip(1) {
        let (name, rest) = line.split_once(',').unwrap();
        let mut fields = rest.rsplitn(3, ',');
        let local = fields.next().unwrap() == "True";
        let hidden = fields.next().unwrap() == "True";
        let reference = fields.next().unwrap();
        let found = wb
            .defined_names()
            .iter()
            .find(|d| d.name == name && d.scope.is_some() == local)
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(found.formula, reference, "{name}");
        assert_eq!(found.hidden, hidden, "{name}");
        match &found.range {
            Some(range) => {
                let (sheet, cells) = reference.rsplit_once('!').unwrap();
                assert_eq!(range.sheet, sheet.trim_matches('\''), "{name}");
                assert_eq!(
                    range.to_string().rsplit_once('!').unwrap().1,
                    cells.replace('$', "")
                );
            }
            None => assert!(reference.contains("#REF!"), "{name}: {reference}"),
        }
        rows += 1;
    }
    assert_eq!(rows, 879);
    assert_eq!(wb.defined_names().len(), 879);
    // A name whose range was deleted cannot be written.
    let mut wb = wb;
    let e = wb.set_named("enum_ListNACECode", "x").unwrap_err();
    assert_eq!(e.key(), "xlsx-name-not-cells");
    let e = wb.set_named("NoSuchConcept", "x").unwrap_err();
    assert_eq!(e.key(), "xlsx-unknown-name");
}

#[test]
fn a_formula_input_can_be_replaced_by_a_value() {
    // D152 computes the share of employees under collective agreements; a company that knows
    // the figure may type it over the formula (the cell is unlocked).
    let original = read(&vsme_template());
    let mut wb = Workbook::from_bytes(original.clone()).unwrap();
    let name = "PercentageOfEmployeesCoveredByCollectiveBargainingAgreements";
    let before = wb.named_cell(name).unwrap().unwrap();
    assert!(before.formula.is_some() && !before.locked);
    wb.set_named(name, n("0.42")).unwrap();
    let filled = wb.to_bytes().unwrap();
    let back = Workbook::from_bytes(filled.clone()).unwrap();
    let after = back.named_cell(name).unwrap().unwrap();
    assert_eq!(after.content, CellContent::Number("0.42".into()));
    assert_eq!((after.formula, after.style), (None, before.style));
    assert!(!back.part_names().any(|p| p == "xl/calcChain.xml"));
    assert_untouched_entries_identical(
        &original,
        &filled,
        &[
            "[Content_Types].xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet6.xml",
        ],
        &["xl/calcChain.xml"],
    );
    assert_eq!(check::check_package(&filled).unwrap(), []);
}
