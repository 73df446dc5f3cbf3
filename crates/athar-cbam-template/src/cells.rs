//! Where every field lives in the Commission's communication template (V2.1 and V2.1.1 have
//! the same input layout): one declarative map per sheet, used by the reader, the writer and
//! the supplier check alike.
//!
//! Why this module exists: the template is 19 sheets of merged cells and repeated blocks; a
//! cell address scattered through reading and writing code would drift. Here each field is a
//! constant — a single [`Cell`], a column of a repeated row ([`Rows`]), or a cell of a repeated
//! block ([`Blocks`]) — named after the template's own labels and section letters.

/// A cell: 0-based row and column, as calamine counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub row: u32,
    pub col: u32,
}

/// Parses `"I9"` at compile time.
pub const fn cell(a1: &str) -> Cell {
    let b = a1.as_bytes();
    let mut i = 0;
    let mut col: u32 = 0;
    while i < b.len() && b[i].is_ascii_uppercase() {
        col = col * 26 + (b[i] - b'A' + 1) as u32;
        i += 1;
    }
    let mut row: u32 = 0;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "not an A1 reference");
        row = row * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    assert!(col > 0 && row > 0, "not an A1 reference");
    Cell {
        row: row - 1,
        col: col - 1,
    }
}

impl Cell {
    /// The cell `rows` further down.
    pub const fn down(self, rows: u32) -> Cell {
        Cell {
            row: self.row + rows,
            col: self.col,
        }
    }

    /// `I9`.
    pub fn a1(self) -> String {
        let mut col = self.col + 1;
        let mut letters = Vec::new();
        while col > 0 {
            let rem = (col - 1) % 26;
            letters.push(b'A' + rem as u8);
            col = (col - 1) / 26;
        }
        letters.reverse();
        format!(
            "{}{}",
            String::from_utf8(letters).unwrap_or_default(),
            self.row + 1
        )
    }
}

/// A sheet name and a cell: `A_InstData!I9`.
pub fn at(sheet: &str, cell: Cell) -> String {
    format!("{sheet}!{}", cell.a1())
}

/// A table of `count` rows starting at the row of its columns' cells (given for row 1).
#[derive(Debug, Clone, Copy)]
pub struct Rows {
    pub count: u32,
}

impl Rows {
    /// Column cell `c` (given at the first row) in row `i`.
    pub const fn at(self, c: Cell, i: u32) -> Cell {
        c.down(i)
    }
}

/// `count` blocks of `stride` rows; cells are given for the first block.
#[derive(Debug, Clone, Copy)]
pub struct Blocks {
    pub stride: u32,
    pub count: u32,
}

impl Blocks {
    pub const fn at(self, c: Cell, block: u32) -> Cell {
        c.down(self.stride * block)
    }
}

/// Hidden sheet telling the template's type and release date.
pub mod version {
    use super::{cell, Cell};
    pub const SHEET: &str = "VersionDocumentation";
    /// "CBAM communication SEE Version 2".
    pub const TYPE: Cell = cell("B2");
    /// Release date: 2024-06-05 is V2.1, 2024-12-13 is V2.1.1.
    pub const DATE: Cell = cell("B3");
}

/// Sheet `c_CodeLists`: countries (code, name).
pub mod code_lists {
    use super::{cell, Cell, Rows};
    pub const SHEET: &str = "c_CodeLists";
    pub const COUNTRIES: Rows = Rows { count: 267 };
    pub const COUNTRY_CODE: Cell = cell("F11");
    pub const COUNTRY_NAME: Cell = cell("G11");
}

/// Sheet A: installation, goods, processes, purchased precursors.
pub mod a_inst_data {
    use super::{cell, Cell, Rows};
    pub const SHEET: &str = "A_InstData";
    // 1. Reporting period
    pub const PERIOD_START: Cell = cell("I9");
    pub const PERIOD_END: Cell = cell("L9");
    // 2. About the installation
    pub const NAME: Cell = cell("I19");
    pub const NAME_EN: Cell = cell("I20");
    pub const STREET: Cell = cell("I21");
    pub const ECONOMIC_ACTIVITY: Cell = cell("I22");
    pub const POST_CODE: Cell = cell("I23");
    pub const PO_BOX: Cell = cell("I24");
    pub const CITY: Cell = cell("I25");
    /// Country name of `c_CodeLists`.
    pub const COUNTRY: Cell = cell("I26");
    pub const UNLOCODE: Cell = cell("I27");
    pub const LATITUDE: Cell = cell("I28");
    pub const LONGITUDE: Cell = cell("I29");
    pub const REPRESENTATIVE: Cell = cell("I30");
    pub const EMAIL: Cell = cell("I31");
    pub const TELEPHONE: Cell = cell("I32");
    // 3. Verifier
    pub const VERIFIER_COMPANY: Cell = cell("I37");
    pub const VERIFIER_STREET: Cell = cell("I38");
    pub const VERIFIER_CITY: Cell = cell("I39");
    pub const VERIFIER_POST_CODE: Cell = cell("I40");
    pub const VERIFIER_COUNTRY: Cell = cell("I41");
    pub const VERIFIER_REPRESENTATIVE: Cell = cell("I45");
    pub const VERIFIER_EMAIL: Cell = cell("I46");
    pub const VERIFIER_TELEPHONE: Cell = cell("I47");
    pub const VERIFIER_FAX: Cell = cell("I48");
    pub const VERIFIER_ACCREDITATION_STATE: Cell = cell("I51");
    pub const VERIFIER_ACCREDITATION_BODY: Cell = cell("I52");
    pub const VERIFIER_ACCREDITATION_NUMBER: Cell = cell("I53");
    // 4(a) Aggregated goods categories: G1..G10
    pub const GOODS: Rows = Rows { count: 10 };
    pub const GOODS_CATEGORY: Cell = cell("E62");
    pub const GOODS_ROUTES: [Cell; 6] = [
        cell("I62"),
        cell("J62"),
        cell("K62"),
        cell("L62"),
        cell("M62"),
        cell("N62"),
    ];
    // 4(b) Production processes: P1..P10
    pub const PROCESSES: Rows = Rows { count: 10 };
    pub const PROCESS_CATEGORY: Cell = cell("E83");
    /// Included goods categories 1–6, or "Only direct production".
    pub const PROCESS_INCLUDED: [Cell; 6] = [
        cell("F83"),
        cell("G83"),
        cell("H83"),
        cell("I83"),
        cell("J83"),
        cell("K83"),
    ];
    pub const PROCESS_NAME: Cell = cell("L83");
    // 5. Purchased precursors: PP1..PP20
    pub const PRECURSORS: Rows = Rows { count: 20 };
    pub const PRECURSOR_CATEGORY: Cell = cell("E102");
    /// ISO code of `c_CodeLists`.
    pub const PRECURSOR_COUNTRY: Cell = cell("F102");
    pub const PRECURSOR_ROUTES: [Cell; 5] = [
        cell("G102"),
        cell("H102"),
        cell("I102"),
        cell("J102"),
        cell("K102"),
    ];
    pub const PRECURSOR_NAME: Cell = cell("L102");
}

/// Sheet B: source streams, PFC emissions, measured sources.
pub mod b_em_inst {
    use super::{cell, Cell, Rows};
    pub const SHEET: &str = "B_EmInst";
    // (a) Calculation-based source streams: rows 17–91
    pub const STREAMS: Rows = Rows { count: 75 };
    pub const METHOD: Cell = cell("D17");
    pub const NAME: Cell = cell("E17");
    pub const ACTIVITY_DATA: Cell = cell("F17");
    pub const ACTIVITY_UNIT: Cell = cell("G17");
    pub const NCV: Cell = cell("H17");
    pub const EF: Cell = cell("J17");
    pub const EF_UNIT: Cell = cell("K17");
    pub const CARBON_CONTENT: Cell = cell("L17");
    pub const OXIDATION_FACTOR: Cell = cell("N17");
    pub const CONVERSION_FACTOR: Cell = cell("P17");
    pub const BIOMASS: Cell = cell("R17");
    /// Computed: CO2e fossil (t), for the summary.
    pub const EMISSIONS: Cell = cell("AU17");
    // (b) PFC emissions: rows 98–107
    pub const PFC: Rows = Rows { count: 10 };
    pub const PFC_METHOD: Cell = cell("D98");
    pub const PFC_TECHNOLOGY: Cell = cell("E98");
    pub const PFC_ALUMINIUM: Cell = cell("F98");
    pub const PFC_FREQUENCY: Cell = cell("AG98");
    pub const PFC_DURATION: Cell = cell("AH98");
    pub const PFC_SEF: Cell = cell("AI98");
    pub const PFC_AEO: Cell = cell("AJ98");
    pub const PFC_CE: Cell = cell("AK98");
    pub const PFC_OVC: Cell = cell("AL98");
    pub const PFC_F_C2F6: Cell = cell("AM98");
    pub const PFC_COLLECTION: Cell = cell("AT98");
    // (c) Measurement-based sources: rows 113–122
    pub const MEASURED: Rows = Rows { count: 10 };
    pub const MEASURED_NAME: Cell = cell("D113");
    pub const MEASURED_GAS: Cell = cell("E113");
    pub const MEASURED_BIOMASS: Cell = cell("R113");
    pub const MEASURED_CONCENTRATION: Cell = cell("V113");
    pub const MEASURED_HOURS: Cell = cell("X113");
    pub const MEASURED_FLOW: Cell = cell("Z113");
    pub const MEASURED_ENERGY_FOSSIL: Cell = cell("AX113");
    pub const MEASURED_ENERGY_BIO: Cell = cell("AY113");
}

/// Sheet C: fuel and GHG balances, data quality.
pub mod c_emissions {
    use super::{cell, Cell};
    pub const SHEET: &str = "C_Emissions&Energy";
    // 1. Fuel balance, manual entries (TJ)
    pub const FUEL_TOTAL: Cell = cell("H16");
    pub const FUEL_CBAM: Cell = cell("I16");
    pub const FUEL_ELECTRICITY: Cell = cell("J16");
    pub const FUEL_NON_CBAM: Cell = cell("K16");
    // 2(a) GHG balance, manual entries (tCO2e)
    pub const GHG_CO2: Cell = cell("H26");
    pub const GHG_BIOMASS: Cell = cell("I26");
    pub const GHG_N2O: Cell = cell("J26");
    pub const GHG_PFC: Cell = cell("K26");
    pub const GHG_INDIRECT: Cell = cell("M26");
    // 2(c) Data quality
    pub const QUALITY_GENERAL: Cell = cell("H40");
    pub const QUALITY_JUSTIFICATION: Cell = cell("H41");
    pub const QUALITY_ASSURANCE: Cell = cell("H42");
    // Results (formulas)
    pub const FUEL_FROM_SOURCES: Cell = cell("H15");
    pub const RESULT_CO2: Cell = cell("H27");
    pub const RESULT_BIOMASS: Cell = cell("I27");
    pub const RESULT_N2O: Cell = cell("J27");
    pub const RESULT_PFC: Cell = cell("K27");
    pub const RESULT_DIRECT: Cell = cell("L27");
    pub const RESULT_INDIRECT: Cell = cell("M27");
    pub const RESULT_TOTAL: Cell = cell("N27");
    pub const BY_METHOD_CALCULATION: Cell = cell("H32");
    pub const BY_METHOD_PFC: Cell = cell("I32");
    pub const BY_METHOD_MEASUREMENT: Cell = cell("J32");
}

/// Sheet D: one block of 65 rows per production process (P1 at rows 11–75).
pub mod d_processes {
    use super::{cell, Blocks, Cell};
    pub const SHEET: &str = "D_Processes";
    pub const BLOCKS: Blocks = Blocks {
        stride: 65,
        count: 10,
    };
    /// (a) total production levels, route slots 1–8 (the category's routes in order).
    pub const PRODUCTION: [Cell; 8] = [
        cell("L16"),
        cell("L17"),
        cell("L18"),
        cell("L19"),
        cell("L20"),
        cell("L21"),
        cell("L22"),
        cell("L23"),
    ];
    /// (b) i. produced for the market.
    pub const MARKET: Cell = cell("L27");
    /// (c) consumed in other processes: row k is the k-th other process (own skipped).
    pub const TRANSFERS: [Cell; 9] = [
        cell("L32"),
        cell("L33"),
        cell("L34"),
        cell("L35"),
        cell("L36"),
        cell("L37"),
        cell("L38"),
        cell("L39"),
        cell("L40"),
    ];
    /// (d) consumed for non-CBAM goods.
    pub const NON_CBAM: Cell = cell("L41");
    /// (f) measurable heat / waste gases relevant (True/False).
    pub const HEAT_RELEVANT: Cell = cell("K50");
    pub const WASTE_GAS_RELEVANT: Cell = cell("L50");
    /// (g) DirEm*.
    pub const DIRECT: Cell = cell("L54");
    /// (h) heat: amounts (TJ) and EFs, imported (L) and exported (M).
    pub const HEAT_IMPORTED: Cell = cell("L57");
    pub const HEAT_EXPORTED: Cell = cell("M57");
    pub const HEAT_IMPORTED_EF: Cell = cell("L58");
    pub const HEAT_EXPORTED_EF: Cell = cell("M58");
    /// (i) waste gases.
    pub const WASTE_GAS_IMPORTED: Cell = cell("L61");
    pub const WASTE_GAS_EXPORTED: Cell = cell("M61");
    pub const WASTE_GAS_IMPORTED_EF: Cell = cell("L62");
    pub const WASTE_GAS_EXPORTED_EF: Cell = cell("M62");
    /// (j) electricity consumed, its EF and the EF's source.
    pub const ELECTRICITY: Cell = cell("L65");
    pub const ELECTRICITY_EF: Cell = cell("L66");
    pub const ELECTRICITY_EF_SOURCE: Cell = cell("L67");
    /// (k) electricity exported.
    pub const ELECTRICITY_EXPORTED: Cell = cell("L71");
    pub const ELECTRICITY_EXPORTED_EF: Cell = cell("L72");
}

/// Sheet E: one block of 44 rows per purchased precursor (PP1 at rows 14–57).
pub mod e_purch_prec {
    use super::{cell, Blocks, Cell};
    pub const SHEET: &str = "E_PurchPrec";
    pub const BLOCKS: Blocks = Blocks {
        stride: 44,
        count: 20,
    };
    /// (a) total purchased, route slots 1–8.
    pub const PURCHASED: [Cell; 8] = [
        cell("L17"),
        cell("L18"),
        cell("L19"),
        cell("L20"),
        cell("L21"),
        cell("L22"),
        cell("L23"),
        cell("L24"),
    ];
    /// (b) consumed in process P1..P10.
    pub const CONSUMPTION: [Cell; 10] = [
        cell("L28"),
        cell("L29"),
        cell("L30"),
        cell("L31"),
        cell("L32"),
        cell("L33"),
        cell("L34"),
        cell("L35"),
        cell("L36"),
        cell("L37"),
    ];
    /// (c) other purposes.
    pub const OTHER_USE: Cell = cell("L38");
    /// (e) SEE (direct) and its source (Measured/Default/Unknown).
    pub const SEE_DIRECT: Cell = cell("L49");
    pub const SEE_DIRECT_BASIS: Cell = cell("M49");
    /// Specific electricity consumption (MWh/t) and its source.
    pub const ELECTRICITY: Cell = cell("L50");
    pub const ELECTRICITY_BASIS: Cell = cell("M50");
    /// Electricity EF and its source (D.4(a)…Mix).
    pub const ELECTRICITY_EF: Cell = cell("L51");
    pub const ELECTRICITY_EF_SOURCE: Cell = cell("M51");
    /// SEE (indirect): a formula, L50 × L51.
    pub const SEE_INDIRECT: Cell = cell("L52");
    /// (e) v. justification for default values.
    pub const JUSTIFICATION: Cell = cell("K54");
}

/// Sheet Summary_Products: one row per product (rows 10–109).
pub mod summary_products {
    use super::{cell, Cell, Rows};
    pub const SHEET: &str = "Summary_Products";
    pub const ROWS: Rows = Rows { count: 100 };
    pub const PROCESS: Cell = cell("D10");
    pub const CN_CODE: Cell = cell("F10");
    pub const NAME: Cell = cell("H10");
    pub const REDUCING_AGENT: Cell = cell("P10");
    pub const STEEL_MILL: Cell = cell("Q10");
    pub const MN: Cell = cell("R10");
    pub const CR: Cell = cell("S10");
    pub const NI: Cell = cell("T10");
    pub const OTHER_ALLOYS: Cell = cell("U10");
    pub const CARBON: Cell = cell("V10");
    pub const SCRAP_STEEL: Cell = cell("W10");
    pub const OTHER_MATERIALS: Cell = cell("X10");
    pub const PRE_CONSUMER_SCRAP: Cell = cell("Y10");
    pub const SCRAP_ALUMINIUM: Cell = cell("Z10");
    pub const NON_ALUMINIUM: Cell = cell("AA10");
    pub const CLINKER_FACTOR: Cell = cell("AB10");
    pub const CALCINED: Cell = cell("AC10");
    pub const CONCENTRATION: Cell = cell("AD10");
    pub const NITRIC_ACID: Cell = cell("AE10");
    pub const UREA: Cell = cell("AF10");
    pub const N_CONTAINED: Cell = cell("AG10");
    pub const N_AMMONIUM: Cell = cell("AH10");
    pub const N_NITRATE: Cell = cell("AI10");
    pub const N_UREA: Cell = cell("AJ10");
    pub const N_OTHER: Cell = cell("AK10");
    pub const CP_INSTRUMENT: Cell = cell("AL10");
    pub const CP_SHARE: Cell = cell("AM10");
    pub const CP_CURRENCY: Cell = cell("AP10");
    pub const CP_AMOUNT: Cell = cell("AR10");
    pub const CP_REBATE: Cell = cell("AT10");
    pub const CP_REBATE_SHARE: Cell = cell("AU10");
    pub const CP_REBATE_AMOUNT: Cell = cell("AX10");
    // Computed
    pub const SEE_DIRECT: Cell = cell("I10");
    pub const SEE_INDIRECT: Cell = cell("J10");
    pub const SEE_TOTAL: Cell = cell("K10");
    pub const DEFAULT_SHARE: Cell = cell("M10");
    pub const EF_SOURCE: Cell = cell("N10");
    pub const EMBEDDED_ELECTRICITY: Cell = cell("O10");
}

/// Sheet Summary_Processes: two inputs and the computed tables.
pub mod summary_processes {
    use super::{cell, Cell, Rows};
    pub const SHEET: &str = "Summary_Processes";
    pub const CARBON_PRICE_DESCRIPTION: Cell = cell("M13");
    pub const ADDITIONAL_INFORMATION: Cell = cell("M16");
    /// 2.1(a): one row per process P1..P10.
    pub const BALANCE: Rows = Rows { count: 10 };
    pub const DIR_EM: Cell = cell("H71");
    pub const HEAT: Cell = cell("I71");
    pub const WASTE_GAS: Cell = cell("J71");
    pub const TOTAL_DIRECT: Cell = cell("K71");
    pub const INDIRECT: Cell = cell("L71");
    pub const ACTIVITY_LEVEL: Cell = cell("N71");
    /// Row 81: totals over the processes.
    pub const SUM_DIRECT: Cell = cell("K81");
    pub const SUM_INDIRECT: Cell = cell("L81");
    /// Row 84: the installation's totals (from sheet C).
    pub const INSTALLATION_DIRECT: Cell = cell("K84");
    pub const INSTALLATION_INDIRECT: Cell = cell("L84");
    /// 2.2(a): per process P1..P10.
    pub const SPECIFIC: Rows = Rows { count: 10 };
    pub const SE_DIRECT: Cell = cell("G102");
    pub const SEE_DIRECT: Cell = cell("H102");
    pub const SE_INDIRECT: Cell = cell("I102");
    pub const SEE_INDIRECT: Cell = cell("J102");
    pub const ELECTRICITY: Cell = cell("K102");
    pub const EMBEDDED_ELECTRICITY: Cell = cell("L102");
    /// 2.2(b): per purchased precursor PP1..PP20.
    pub const PRECURSORS: Rows = Rows { count: 20 };
    pub const PRECURSOR_SEE_DIRECT: Cell = cell("H115");
    pub const PRECURSOR_SEE_INDIRECT: Cell = cell("J115");
    pub const PRECURSOR_ELECTRICITY: Cell = cell("K115");
}

/// Sheets every communication template has; a workbook without them is not one.
pub const REQUIRED_SHEETS: [&str; 10] = [
    a_inst_data::SHEET,
    b_em_inst::SHEET,
    c_emissions::SHEET,
    d_processes::SHEET,
    e_purch_prec::SHEET,
    summary_products::SHEET,
    summary_processes::SHEET,
    code_lists::SHEET,
    version::SHEET,
    "Summary_Communication",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_round_trips() {
        for a in ["A1", "I9", "Z113", "AA10", "AX113", "BA26", "XFD1048576"] {
            assert_eq!(cell(a).a1(), a);
        }
        assert_eq!(cell("I9"), Cell { row: 8, col: 8 });
        assert_eq!(d_processes::BLOCKS.at(d_processes::DIRECT, 1).a1(), "L119");
        assert_eq!(
            e_purch_prec::BLOCKS.at(e_purch_prec::SEE_DIRECT, 19).a1(),
            "L885"
        );
        assert_eq!(
            summary_products::ROWS
                .at(summary_products::SEE_DIRECT, 99)
                .a1(),
            "I109"
        );
    }
}
