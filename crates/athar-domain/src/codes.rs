//! Code lists the profile is validated against: ISO 3166-1 alpha-2 countries, ISO 4217
//! currencies, NACE Rev. 2 divisions and the shape of UN/LOCODEs.
//!
//! The lists are short, stable and public, so they live here as constants rather than in a
//! data file: validation must work identically in the wasm UI and in the native engine.

/// ISO 3166-1 alpha-2 officially assigned codes.
pub const COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The countries Athar's users most often sit in; the UI lists them first.
pub const HOME_COUNTRIES: &[&str] = &["EG", "SA", "AE", "MA", "TN", "JO", "TR"];

/// EU member states, for telling EU importers apart from other customers.
pub const EU_MEMBER_STATES: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// ISO 4217 active currency codes.
pub const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

/// NACE Rev. 2 divisions (the two-digit level); groups and classes refine these.
const NACE_DIVISIONS: &[u8] = &[
    1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
    28, 29, 30, 31, 32, 33, 35, 36, 37, 38, 39, 41, 42, 43, 45, 46, 47, 49, 50, 51, 52, 53, 55, 56,
    58, 59, 60, 61, 62, 63, 64, 65, 66, 68, 69, 70, 71, 72, 73, 74, 75, 77, 78, 79, 80, 81, 82, 84,
    85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
];

/// The NACE section letter that contains a division.
fn nace_section(division: u8) -> char {
    match division {
        1..=3 => 'A',
        5..=9 => 'B',
        10..=33 => 'C',
        35 => 'D',
        36..=39 => 'E',
        41..=43 => 'F',
        45..=47 => 'G',
        49..=53 => 'H',
        55..=56 => 'I',
        58..=63 => 'J',
        64..=66 => 'K',
        68 => 'L',
        69..=75 => 'M',
        77..=82 => 'N',
        84 => 'O',
        85 => 'P',
        86..=88 => 'Q',
        90..=93 => 'R',
        94..=96 => 'S',
        97..=98 => 'T',
        _ => 'U',
    }
}

pub fn is_country(code: &str) -> bool {
    COUNTRIES.contains(&code)
}

pub fn is_currency(code: &str) -> bool {
    CURRENCIES.contains(&code)
}

pub fn is_eu_member(code: &str) -> bool {
    EU_MEMBER_STATES.contains(&code)
}

/// Normalises a NACE code as typed ("c 24.10", "24.1", "C24") to its canonical form
/// ("C24.10", "C24.1", "C24"), or `None` when it is not a NACE Rev. 2 division, group or class.
pub fn normalize_nace(input: &str) -> Option<String> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.to_ascii_uppercase();
    let (letter, rest) = match s.chars().next()? {
        c @ 'A'..='U' => (Some(c), &s[1..]),
        _ => (None, &s[..]),
    };
    let (division, tail) = match rest.split_once('.') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    if division.len() != 2 || !division.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let div: u8 = division.parse().ok()?;
    if !NACE_DIVISIONS.contains(&div) {
        return None;
    }
    let section = nace_section(div);
    if letter.is_some_and(|l| l != section) {
        return None;
    }
    match tail {
        None => Some(format!("{section}{division}")),
        Some(t) if (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()) => {
            Some(format!("{section}{division}.{t}"))
        }
        Some(_) => None,
    }
}

/// Normalises a UN/LOCODE ("EG ALY", "egaly") to five characters ("EGALY"), or `None` when it
/// is not a country code followed by three letters or digits 2-9.
pub fn normalize_unlocode(input: &str) -> Option<String> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if s.len() != 5 || !s.is_ascii() {
        return None;
    }
    let (country, place) = s.split_at(2);
    let place_ok = place
        .chars()
        .all(|c| c.is_ascii_uppercase() || ('2'..='9').contains(&c));
    (is_country(country) && place_ok).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_list_is_sorted_and_complete_for_home_markets() {
        let mut sorted = COUNTRIES.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, COUNTRIES, "keep the list sorted and unique");
        assert_eq!(COUNTRIES.len(), 249);
        for c in HOME_COUNTRIES.iter().chain(EU_MEMBER_STATES) {
            assert!(is_country(c), "{c}");
        }
        assert!(!is_country("XX"));
        assert!(!is_country("eg"));
    }

    #[test]
    fn nace_codes_normalise() {
        assert_eq!(normalize_nace("24.10").as_deref(), Some("C24.10"));
        assert_eq!(normalize_nace("c 23.51").as_deref(), Some("C23.51"));
        assert_eq!(normalize_nace("C24").as_deref(), Some("C24"));
        assert_eq!(normalize_nace("A24"), None, "division 24 is in section C");
        assert_eq!(normalize_nace("04.1"), None, "no division 04");
        assert_eq!(normalize_nace("24.123"), None);
        assert_eq!(normalize_nace("steel"), None);
    }

    #[test]
    fn unlocodes_normalise() {
        assert_eq!(normalize_unlocode("EG ALY").as_deref(), Some("EGALY"));
        assert_eq!(normalize_unlocode("desx2").as_deref(), Some("DESX2"));
        assert_eq!(normalize_unlocode("XXALY"), None);
        assert_eq!(
            normalize_unlocode("EGAL1"),
            None,
            "digits 0 and 1 are not used"
        );
        assert_eq!(normalize_unlocode("EGALEX"), None);
    }
}
