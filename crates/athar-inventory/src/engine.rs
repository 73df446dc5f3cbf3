//! The calculation: activity entries × factors → lines → subtotals → totals and intensity.
//!
//! Why this module exists: it is the one place where GHG Protocol rules become arithmetic —
//! which scope and category an entry belongs to, how a unit reaches a factor's unit (NCV,
//! density, volume normalisation, never a guess), the Scope 2 market-based hierarchy, and how
//! results are grouped per site and period. It is pure: data in, [`Inventory`] out.
//!
//! Arithmetic is `rust_decimal` throughout (28 significant digits). Each line is computed as
//! one chain of [`athar_quantity::Rate::apply`] steps; sums are exact. Nothing is rounded
//! except where a division does not terminate at the 28th digit (unit conversions through
//! 3.6, intensities); display rounding is the caller's business ([`crate::display`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::rc::Rc;
use std::sync::Arc;

use athar_quantity::{Dimension, Quantity, Rate, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::entry::{
    iso_date, ActivityEntry, ActivityKind, Amount, Combustion, DataQuality, InstrumentKind, Money,
    Period,
};
use crate::error::{EntryError, EntryErrorKind, InventoryError};
use crate::factors::{
    cite_key, FactorCitation, FactorSet, Found, LookupProblem, SourceKind, SpendFactor, Want,
};
use crate::result::{Category, Flag, Formula, Gwp, Inventory, Level, Quality, ResultNode, Source};

/// How finely results are split in time (besides the whole reporting period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// One result period: the reporting period.
    Whole,
    /// Calendar years within the reporting period (an entry spanning several is apportioned
    /// by days).
    Year,
    /// Calendar months within the reporting period (an entry spanning several is apportioned
    /// by days).
    Month,
}

/// Everything a calculation needs besides the factors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryInput {
    /// ISO 3166-1 alpha-2; the country of sites not listed in `site_countries`.
    pub company_country: String,
    #[serde(default)]
    pub site_countries: BTreeMap<String, String>,
    pub reporting_period: Period,
    pub granularity: Granularity,
    pub gwp: Gwp,
    pub net_revenue: Option<Money>,
    pub entries: Vec<ActivityEntry>,
}

/// Computes the inventory. All entry problems are reported together
/// ([`InventoryError::Entries`]); no partial inventory is returned. The input is consumed: the
/// inventory keeps the entries its lines cite, so it can be explained on its own.
pub fn compute(
    input: InventoryInput,
    factors: &FactorSet<'_>,
) -> Result<Inventory, InventoryError> {
    let rp = input.reporting_period;
    if rp.to < rp.from {
        return Err(InventoryError::InvalidPeriod {
            from: iso_date::format(rp.from),
            to: iso_date::format(rp.to),
        });
    }
    if input
        .net_revenue
        .as_ref()
        .is_some_and(|m| m.amount <= Decimal::ZERO)
    {
        return Err(InventoryError::InvalidRevenue);
    }
    let mut buckets = split(rp, input.granularity);
    if buckets.len() == 1 {
        // A single bucket equal to the period would give the same ids twice.
        buckets = vec![rp];
    }
    let whole = buckets.len() == 1;

    let mut calc = Calc {
        factors,
        gwp: input.gwp.basis(),
        cited: BTreeMap::new(),
        keys: HashMap::default(),
        memo: HashMap::default(),
        residual_memo: HashMap::default(),
        scratch: String::with_capacity(256),
        activity: String::with_capacity(64),
        spend_keys: Vec::new(),
    };
    let mut errors = Vec::new();
    // Lines in the order they are made; they become the bulk of `Inventory::nodes` at the end
    // (see `assemble`), which is far cheaper than inserting 100,000 large nodes one by one.
    // With room for two lines an entry (electricity) and the sums: reserved, not touched, so
    // that the vector never moves while it grows.
    let mut lines: Vec<(Arc<str>, ResultNode)> = Vec::with_capacity(input.entries.len() * 2 + 64);
    let mut site_ids: HashMap<&str, Arc<str>, FastHash> = HashMap::default();
    let mut seen: HashSet<&str, FastHash> =
        HashSet::with_capacity_and_hasher(input.entries.len(), FastHash);
    // (site, bucket) → category → indices into `lines`
    let mut groups: BTreeMap<(&str, usize), BTreeMap<Category, Vec<u32>>> = BTreeMap::new();
    let labels: Vec<String> = buckets.iter().map(Period::label).collect();
    let mut id_buf = String::with_capacity(64);

    for entry in &input.entries {
        let err = |kind| EntryError {
            entry: entry.id.clone(),
            kind,
        };
        if !seen.insert(entry.id.as_str()) {
            errors.push(err(EntryErrorKind::DuplicateId));
            continue;
        }
        let placed = match place(entry, rp, &buckets) {
            Ok(placed) => placed,
            Err(kind) => {
                errors.push(err(kind));
                continue;
            }
        };
        let country = input
            .site_countries
            .get(&entry.site)
            .unwrap_or(&input.company_country);
        let (first, second) = match calc.entry(entry, country) {
            Ok(lines) => lines,
            Err(kind) => {
                errors.push(err(kind));
                continue;
            }
        };
        let site: Arc<str> = site_ids
            .entry(entry.site.as_str())
            .or_insert_with(|| Arc::from(entry.site.as_str()))
            .clone();
        let parts: &[Part] = match &placed {
            Placed::Whole(part) => std::slice::from_ref(part),
            Placed::Parts(parts) => parts,
        };
        let several = parts.len() > 1;
        let mut emit = |part: &Part, line: Line| {
            id_buf.clear();
            id_buf.push_str("line/");
            id_buf.push_str(&entry.id);
            if several {
                id_buf.push('@');
                id_buf.push_str(&labels[part.bucket]);
            }
            if let Some(s) = line.suffix {
                id_buf.push('/');
                id_buf.push_str(s);
            }
            let id: Arc<str> = Arc::from(id_buf.as_str());
            let group = groups
                .entry((entry.site.as_str(), part.bucket))
                .or_default();
            let at = lines.len() as u32;
            for cat in line.categories {
                group.entry(*cat).or_default().push(at);
            }
            lines.push((
                id.clone(),
                line_node(id, entry, site.clone(), part.period, line),
            ));
        };
        match parts {
            [whole @ Part { share: None, .. }] => {
                emit(whole, first);
                if let Some(second) = second {
                    emit(whole, second);
                }
            }
            _ => {
                let both: Vec<Line> = std::iter::once(first).chain(second).collect();
                for part in parts {
                    for line in &both {
                        match part.share.as_ref().map(|s| line.apportioned(s)) {
                            Some(Some(l)) => emit(part, l),
                            Some(None) => errors.push(err(EntryErrorKind::Overflow)),
                            None => emit(part, line.clone()),
                        }
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(InventoryError::Entries(errors));
    }

    // Sums, totals and intensities, in the order they are made.
    let mut sums: Vec<ResultNode> = Vec::new();
    // Level A: per site and result period.
    let mut by_bucket: BTreeMap<usize, BTreeMap<Category, Vec<Child>>> = BTreeMap::new();
    let mut by_site: BTreeMap<&str, BTreeMap<Category, Vec<Child>>> = BTreeMap::new();
    for ((site, b), cats) in groups {
        let cats: BTreeMap<Category, Vec<&ResultNode>> = cats
            .into_iter()
            .map(|(cat, at)| (cat, at.iter().map(|&i| &lines[i as usize].1).collect()))
            .collect();
        let made = build_level(&mut sums, Some(site), buckets[b], cats)?;
        for (cat, child) in made {
            if !whole {
                by_site
                    .entry(site)
                    .or_default()
                    .entry(cat)
                    .or_default()
                    .push(child.clone());
            }
            by_bucket
                .entry(b)
                .or_default()
                .entry(cat)
                .or_default()
                .push(child);
        }
    }
    // Level B: all sites per result period (the reporting period itself when `whole`).
    let mut all_period: BTreeMap<Category, Vec<Child>> = BTreeMap::new();
    for (b, bucket) in buckets.iter().enumerate() {
        let cats = by_bucket.remove(&b).unwrap_or_default();
        let made = build_level(&mut sums, None, *bucket, cats)?;
        for (cat, child) in made {
            all_period.entry(cat).or_default().push(child);
        }
    }
    if !whole {
        // Per site and all sites over the whole reporting period.
        for (site, cats) in by_site {
            build_level(&mut sums, Some(site), rp, cats)?;
        }
        build_level(&mut sums, None, rp, all_period)?;
    }
    if let Some(revenue) = &input.net_revenue {
        for (cat, total) in [
            (Category::IntensityLocation, Category::TotalLocation),
            (Category::IntensityMarket, Category::TotalMarket),
        ] {
            let node = intensity(&sums, cat, total, rp, revenue)?;
            sums.push(node);
        }
    }
    let nodes = assemble(lines, sums);

    drop(seen);
    let entries = input
        .entries
        .into_iter()
        .map(|e| (e.id.clone(), e))
        .collect();
    Ok(Inventory {
        company_country: input.company_country,
        reporting_period: rp,
        gwp: input.gwp,
        net_revenue: input.net_revenue,
        nodes,
        entries,
        factors: calc.cited,
    })
}

/// The result periods: the reporting period cut at year or month boundaries.
fn split(rp: Period, g: Granularity) -> Vec<Period> {
    let mut out = Vec::new();
    let mut from = rp.from;
    loop {
        let end = match g {
            Granularity::Whole => rp.to,
            Granularity::Year => {
                Date::from_calendar_date(from.year(), time::Month::December, 31).unwrap_or(rp.to)
            }
            Granularity::Month => Date::from_calendar_date(
                from.year(),
                from.month(),
                time::util::days_in_month(from.month(), from.year()),
            )
            .unwrap_or(rp.to),
        };
        let to = end.min(rp.to);
        out.push(Period::new(from, to));
        match to.next_day() {
            Some(next) if to < rp.to => from = next,
            _ => break,
        }
    }
    out
}

/// The share of an entry that falls in one result period.
struct Part {
    bucket: usize,
    /// The days of the entry's period inside the result period.
    period: Period,
    /// `None`: the whole entry. Otherwise the entry is apportioned by days.
    share: Option<Share>,
}

/// `days` of `of_days`: the time share of an entry that spans result periods.
#[derive(Debug, Clone, Copy)]
struct Share {
    days: i64,
    of_days: i64,
}

fn days(p: Period) -> i64 {
    (p.to - p.from).whole_days() + 1
}

/// Where an entry goes: one part (most entries: no vector), or one per result period.
enum Placed {
    Whole(Part),
    Parts(Vec<Part>),
}

/// Where an entry's emissions go: one result period, or — for a bill that spans result
/// periods or the end of the reporting period — each result period it overlaps, pro rata by
/// days (the part outside the reporting period belongs to another inventory).
fn place(entry: &ActivityEntry, rp: Period, buckets: &[Period]) -> Result<Placed, EntryErrorKind> {
    let p = entry.period;
    let span = || (iso_date::format(p.from), iso_date::format(p.to));
    if p.to < p.from {
        let (from, to) = span();
        return Err(EntryErrorKind::InvalidPeriod { from, to });
    }
    if p.to < rp.from || p.from > rp.to {
        let (from, to) = span();
        return Err(EntryErrorKind::OutsideReportingPeriod { from, to });
    }
    if let Some(b) = buckets.iter().position(|b| b.contains(&p)) {
        return Ok(Placed::Whole(Part {
            bucket: b,
            period: p,
            share: None,
        }));
    }
    let of_days = days(p);
    Ok(Placed::Parts(
        buckets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.from <= p.to && p.from <= b.to)
            .map(|(bucket, b)| {
                let period = Period::new(b.from.max(p.from), b.to.min(p.to));
                Part {
                    bucket,
                    period,
                    share: Some(Share {
                        days: days(period),
                        of_days,
                    }),
                }
            })
            .collect(),
    ))
}

/// The result node of one line of `entry`, for the days `period`.
fn line_node(
    id: Arc<str>,
    entry: &ActivityEntry,
    site: Arc<str>,
    period: Period,
    line: Line,
) -> ResultNode {
    let measured = entry.quality == DataQuality::Measured;
    let defaulted = line.flags.iter().any(|f| {
        matches!(
            f,
            Flag::DefaultFactor { .. } | Flag::MarketGridAverageFallback { .. }
        )
    });
    let quality = Quality {
        measured_tco2e: if measured { line.value } else { Decimal::ZERO },
        specific_factor_tco2e: line.specific,
        primary_tco2e: if measured {
            line.specific
        } else {
            Decimal::ZERO
        },
        lines: 1,
        default_factor_lines: u64::from(defaulted),
    };
    ResultNode {
        id,
        level: Level::Line {
            source: line.source,
        },
        site: Some(site),
        period,
        value: line.value.normalize(),
        unit: Cow::Borrowed("tCO2e"),
        formula: line.formula,
        entries: vec![entry.id.clone()],
        factors: line.factors,
        instruments: line.instruments,
        children: Vec::new(),
        quality,
        flags: line.flags,
    }
}

/// The one or two lines of an entry (electricity: location and market).
type Lines = (Line, Option<Line>);

/// One computed line of an entry.
#[derive(Clone)]
struct Line {
    source: Source,
    categories: &'static [Category],
    suffix: Option<&'static str>,
    value: Decimal,
    formula: Formula,
    factors: Vec<Arc<str>>,
    instruments: Vec<String>,
    flags: Vec<Flag>,
    /// tCO2e computed with specific factors.
    specific: Decimal,
}

impl Line {
    /// This line for `share.days` of the entry's `share.of_days` days: values pro rata, the
    /// formula extended by the day ratio, and an [`Flag::Apportioned`] flag. `None` on
    /// overflow.
    fn apportioned(&self, share: &Share) -> Option<Line> {
        let (d, of) = (Decimal::from(share.days), Decimal::from(share.of_days));
        let scale = |v: Decimal| v.checked_mul(d)?.checked_div(of);
        let value = scale(self.value)?;
        let mut line = self.clone();
        line.value = value;
        line.specific = scale(self.specific)?;
        line.formula = Formula {
            symbolic: Cow::Owned(format!("{} × d / D", self.formula.symbolic)),
            substituted: format!(
                "{} × {d} / {of} days = {} tCO2e",
                self.formula.substituted,
                value.normalize()
            ),
        };
        line.flags.push(Flag::Apportioned {
            days: share.days as u32,
            of_days: share.of_days as u32,
        });
        Some(line)
    }
}

/// One step of a factor chain: `q ← q × rate`.
#[derive(Debug)]
struct Step {
    symbol: &'static str,
    rate: Rate,
    key: Arc<str>,
}

/// A resolved way from an activity unit to tCO2e.
#[derive(Debug)]
struct Chain {
    steps: Vec<Step>,
    flags: Vec<Flag>,
    /// The emission factor (last non-GWP step) is specific.
    specific: bool,
    /// Cite key of the emission factor.
    ef_key: Arc<str>,
    /// The emission factor counts CO2 only.
    co2_only: bool,
    /// The formula in symbols (set by [`Calc::finish`]).
    symbolic: Cow<'static, str>,
    /// ` × <value> <unit>` for each step, as the substituted formulas write them (set by
    /// [`Calc::finish`]): written once per chain rather than once per line.
    text: String,
}

impl Chain {
    fn symbolic_of(&self) -> Cow<'static, str> {
        const KNOWN: &[(&[&str], &str)] = &[
            (&["EF"], "E = Q × EF"),
            (&["NCV", "EF"], "E = Q × NCV × EF"),
            (&["ρ", "EF"], "E = Q × ρ × EF"),
            (&["ρ", "NCV", "EF"], "E = Q × ρ × NCV × EF"),
            (&["EF", "GWP"], "E = Q × EF × GWP"),
            (&["NCV", "EF", "GWP"], "E = Q × NCV × EF × GWP"),
            (&["GWP"], "E = Q × GWP"),
        ];
        let symbols: Vec<&str> = self.steps.iter().map(|s| s.symbol).collect();
        match KNOWN.iter().find(|(k, _)| *k == symbols.as_slice()) {
            Some((_, text)) => Cow::Borrowed(text),
            None => Cow::Owned(format!("E = Q × {}", symbols.join(" × "))),
        }
    }
}

type MemoKey = (String, Dimension, String, Date);
type Memoised = (MemoKey, Result<Rc<Chain>, EntryErrorKind>);
type ResidualMemo = ((String, Date), Result<Option<Rc<Chain>>, EntryErrorKind>);

fn memo_hash(activity: &str, dim: Dimension, country: &str, date: Date) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = FxHasher::default();
    (activity, dim, country, date).hash(&mut h);
    h.finish()
}

struct Calc<'f, 'p> {
    factors: &'f FactorSet<'p>,
    gwp: athar_factors::GwpBasis,
    cited: BTreeMap<String, FactorCitation>,
    /// Shared cite keys, so that lines do not allocate them.
    keys: HashMap<String, Arc<str>, FastHash>,
    /// Resolved chains by hash of (activity, dimension, country, date), so that looking one up
    /// allocates nothing.
    memo: HashMap<u64, Vec<Memoised>, FastHash>,
    /// Residual-mix chains by hash of (country, date).
    residual_memo: HashMap<u64, Vec<ResidualMemo>, FastHash>,
    /// Where formulas are written before being copied out at their exact length.
    scratch: String,
    /// Where an entry's factor activity is written.
    activity: String,
    /// Cite keys of the spend factors used, by the factor's address.
    spend_keys: Vec<(usize, Arc<str>)>,
}

const S1: &[Category] = &[Category::Scope1];
const S2L: &[Category] = &[Category::Scope2Location];
const S2M: &[Category] = &[Category::Scope2Market];
const S2: &[Category] = &[Category::Scope2Location, Category::Scope2Market];
const C1: &[Category] = &[Category::Scope3Cat(1)];
const C4: &[Category] = &[Category::Scope3Cat(4)];
const C5: &[Category] = &[Category::Scope3Cat(5)];
const C6: &[Category] = &[Category::Scope3Cat(6)];

/// "00" to "99".
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Appends `d` exactly as `d.to_string()` writes it (its digits, the point at its scale, a
/// `-` for a set sign), without going through `fmt` and a temporary string: the formulas of
/// 100,000 lines write half a million decimals.
fn push_dec(s: &mut String, d: Decimal) {
    let scale = d.scale() as usize;
    let m = d.mantissa().unsigned_abs();
    // Digits from the last; at most 29 for 96 bits, and `scale` ≤ 28.
    let mut buf = [b'0'; 40];
    let mut at = buf.len();
    // The 96-bit mantissa in base 10^9, by 64-bit divisions by a constant (a 128-bit
    // division per digit is a library call each).
    let mut words = [m as u32, (m >> 32) as u32, (m >> 64) as u32];
    while words != [0, 0, 0] {
        let mut rem = 0u64;
        for w in words.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*w);
            *w = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        let mut chunk = rem as u32;
        let end = at;
        while chunk >= 10 {
            let two = (chunk % 100) as usize * 2;
            chunk /= 100;
            at -= 2;
            buf[at..at + 2].copy_from_slice(&PAIRS[two..two + 2]);
        }
        if chunk != 0 {
            at -= 1;
            buf[at] = b'0' + chunk as u8;
        }
        if words != [0, 0, 0] {
            // A lower chunk is nine digits wide, zeros included (the buffer holds zeros).
            at = end - 9;
        }
    }
    let digits = (buf.len() - at).max(scale);
    let at = buf.len() - digits; // left-padded with zeros up to `scale` digits
    let whole = digits - scale;
    if d.is_sign_negative() {
        s.push('-');
    }
    // Only ASCII digits were written.
    let text = std::str::from_utf8(&buf[at..]).expect("ASCII digits");
    if digits == 0 {
        s.push('0');
    } else if whole == 0 {
        s.push_str("0.");
        s.push_str(text);
    } else if scale == 0 {
        s.push_str(text);
    } else {
        s.push_str(&text[..whole]);
        s.push('.');
        s.push_str(&text[whole..]);
    }
}

/// FxHash (as in rustc): the engine's hash maps are keyed by entry ids, site names and
/// factor lookups of one calculation, where SipHash's protection against chosen keys buys
/// nothing and costs a visible share of the run.
#[derive(Clone, Copy, Default)]
struct FastHash;

#[derive(Default)]
struct FxHasher(u64);

impl std::hash::BuildHasher for FastHash {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

impl FxHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

fn qty(q: &Quantity) -> String {
    let mut s = String::with_capacity(24);
    push_dec(&mut s, q.value.normalize());
    s.push(' ');
    s.push_str(q.unit.symbol());
    s
}

fn ambiguous(p: LookupProblem) -> EntryErrorKind {
    match p {
        LookupProblem::Ambiguous(ids) => EntryErrorKind::AmbiguousFactor { ids },
    }
}

impl<'p> Calc<'_, 'p> {
    fn entry(&mut self, e: &ActivityEntry, country: &str) -> Result<Lines, EntryErrorKind> {
        // The factor activity (`fuel:natural-gas`) is written into a reused buffer.
        let mut act = std::mem::take(&mut self.activity);
        let out = self.entry_in(e, country, &mut act);
        self.activity = act;
        out
    }

    fn entry_in(
        &mut self,
        e: &ActivityEntry,
        country: &str,
        act: &mut String,
    ) -> Result<Lines, EntryErrorKind> {
        fn fill<'a>(act: &'a mut String, parts: &[&str]) -> &'a str {
            act.clear();
            for p in parts {
                act.push_str(p);
            }
            act.as_str()
        }
        let negative = match &e.amount {
            Amount::Quantity(q) => q.value.is_sign_negative() && !q.value.is_zero(),
            Amount::Spend(m) => m.amount.is_sign_negative() && !m.amount.is_zero(),
        };
        if negative {
            return Err(EntryErrorKind::Negative);
        }
        let date = e.period.from;
        match &e.activity {
            ActivityKind::Fuel {
                fuel,
                combustion,
                normalisation,
            } => {
                let source = match combustion {
                    Combustion::Stationary => Source::StationaryCombustion,
                    Combustion::Mobile => Source::MobileCombustion,
                };
                let q = self.quantity(
                    e,
                    "fuel",
                    &[
                        Dimension::Mass,
                        Dimension::Energy,
                        Dimension::Volume,
                        Dimension::NormalVolume,
                    ],
                    "mass, energy, volume or normal volume",
                )?;
                let (q, pre) = match normalisation {
                    Some(n) if q.dimension() == Dimension::Volume => {
                        let nq = q.normalise(n)?;
                        let pre = format!(
                            "Q = V × f_N = {} × {} Nm3/m3 ({}) = {}; ",
                            qty(&q),
                            dec(n.normal_per_metered),
                            n.basis,
                            qty(&nq)
                        );
                        (nq, pre)
                    }
                    _ => (q, String::new()),
                };
                let mut line = self.physical(
                    e,
                    fill(act, &["fuel:", fuel]),
                    q,
                    country,
                    date,
                    source,
                    S1,
                    false,
                )?;
                if !pre.is_empty() {
                    line.formula.symbolic =
                        Cow::Owned(format!("Q = V × f_N; {}", line.formula.symbolic));
                    line.formula.substituted = format!("{pre}{}", line.formula.substituted);
                }
                Ok((line, None))
            }
            ActivityKind::Process { activity } => {
                let q = self.quantity(
                    e,
                    "process",
                    &[
                        Dimension::Mass,
                        Dimension::Energy,
                        Dimension::Volume,
                        Dimension::NormalVolume,
                    ],
                    "mass, energy or volume",
                )?;
                Ok((
                    self.physical(e, activity, q, country, date, Source::Process, S1, false)?,
                    None,
                ))
            }
            ActivityKind::Refrigerant { gas } => {
                let q = self.quantity(e, "refrigerant", &[Dimension::Mass], "mass (kg of gas)")?;
                Ok((
                    self.physical(
                        e,
                        fill(act, &["gas:", gas]),
                        q,
                        country,
                        date,
                        Source::Fugitive,
                        S1,
                        false,
                    )?,
                    None,
                ))
            }
            ActivityKind::Electricity { .. } => self.electricity(e, country, date),
            ActivityKind::Heat { medium } => {
                let q = self.quantity(e, "heat", &[Dimension::Energy], "energy")?;
                Ok((
                    self.physical(
                        e,
                        fill(act, &["heat:", medium]),
                        q,
                        country,
                        date,
                        Source::Heat,
                        S2,
                        true,
                    )?,
                    None,
                ))
            }
            ActivityKind::PurchasedGoods { material } => self.scope3(
                e,
                fill(act, &["material:", material]),
                country,
                date,
                Source::PurchasedGoods,
                "purchased goods",
                C1,
                &[Dimension::Mass],
                "mass or spend",
            ),
            ActivityKind::UpstreamTransport { mode } => self.scope3(
                e,
                fill(act, &["transport:", mode]),
                country,
                date,
                Source::UpstreamTransport,
                "upstream transport",
                C4,
                &[Dimension::TransportWork],
                "t.km or spend",
            ),
            ActivityKind::Waste {
                waste_type,
                treatment,
            } => self.scope3(
                e,
                fill(act, &["waste:", waste_type, ":", treatment]),
                country,
                date,
                Source::Waste,
                "waste",
                C5,
                &[Dimension::Mass],
                "mass or spend",
            ),
            ActivityKind::BusinessTravel { mode } => self.scope3(
                e,
                fill(act, &["travel:", mode]),
                country,
                date,
                Source::BusinessTravel,
                "business travel",
                C6,
                &[Dimension::Volume, Dimension::Energy, Dimension::Mass],
                "fuel (volume, energy, mass) or spend",
            ),
        }
    }

    /// The entry's physical quantity, if its dimension is one of `allowed`.
    fn quantity(
        &self,
        e: &ActivityEntry,
        activity: &'static str,
        allowed: &[Dimension],
        expected: &'static str,
    ) -> Result<Quantity, EntryErrorKind> {
        match &e.amount {
            Amount::Quantity(q) if allowed.contains(&q.dimension()) => Ok(*q),
            Amount::Quantity(q) => Err(EntryErrorKind::UnitNotAccepted {
                activity,
                unit: q.unit,
                dimension: q.dimension(),
                expected,
            }),
            Amount::Spend(_) => Err(EntryErrorKind::SpendNotAccepted { activity }),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn scope3(
        &mut self,
        e: &ActivityEntry,
        activity: &str,
        country: &str,
        date: Date,
        source: Source,
        name: &'static str,
        cats: &'static [Category],
        dims: &[Dimension],
        expected: &'static str,
    ) -> Result<Lines, EntryErrorKind> {
        match &e.amount {
            Amount::Spend(m) => Ok((self.spend(e, activity, m, country, source, cats)?, None)),
            Amount::Quantity(_) => {
                let q = self.quantity(e, name, dims, expected)?;
                Ok((
                    self.physical(e, activity, q, country, date, source, cats, true)?,
                    None,
                ))
            }
        }
    }

    fn cite(&mut self, row: &athar_factors::FactorRow, kind: SourceKind) -> Arc<str> {
        let key = cite_key(&row.pack, &row.id, &row.version);
        if let Some(k) = self.keys.get(&key) {
            return k.clone();
        }
        self.cited
            .insert(key.clone(), FactorCitation::of_row(row, kind));
        let k: Arc<str> = Arc::from(key.as_str());
        self.keys.insert(key, k.clone());
        k
    }

    /// The shared key of a spend factor, citing it on first use.
    fn cite_spend(&mut self, f: &SpendFactor) -> Arc<str> {
        // By address: the factor set lives through the calculation, so the address is the
        // factor; saves writing its key for every spend line.
        let at = f as *const SpendFactor as usize;
        if let Some((_, k)) = self.spend_keys.iter().find(|(a, _)| *a == at) {
            return k.clone();
        }
        let k = self.cite_spend_key(f);
        self.spend_keys.push((at, k.clone()));
        k
    }

    fn cite_spend_key(&mut self, f: &SpendFactor) -> Arc<str> {
        let key = cite_key(&f.pack, &f.id, &f.version);
        if let Some(k) = self.keys.get(&key) {
            return k.clone();
        }
        self.cited.insert(key.clone(), FactorCitation::of_spend(f));
        let k: Arc<str> = Arc::from(key.as_str());
        self.keys.insert(key, k.clone());
        k
    }

    fn flags_of(
        &mut self,
        f: &Found<'p>,
        activity: &str,
        requested: &str,
    ) -> (Arc<str>, Vec<Flag>) {
        let key = self.cite(f.row, f.kind);
        let mut flags = Vec::new();
        let regional = activity.starts_with("electricity:") || activity.starts_with("heat:");
        if f.region_fallback && (f.row.region != "WORLD" || regional) {
            flags.push(Flag::RegionFallback {
                factor: key.clone(),
                requested: Arc::from(requested),
                used: Arc::from(f.row.region.as_str()),
            });
        }
        if f.outside_validity {
            flags.push(Flag::FactorOutsideValidity {
                factor: key.clone(),
                valid_from: f.row.valid_from.map(|d| Arc::from(iso_date::format(d))),
                valid_to: f.row.valid_to.map(|d| Arc::from(iso_date::format(d))),
            });
        }
        if f.gwp_mismatch {
            flags.push(Flag::GwpBasisMismatch {
                factor: key.clone(),
                factor_basis: Arc::from(f.row.gwp_basis.as_str()),
            });
        }
        (key, flags)
    }

    #[allow(clippy::too_many_arguments)]
    fn find(
        &self,
        activity: &str,
        parameter: &str,
        regions: &[&str],
        date: Date,
        den: Dimension,
        num: Dimension,
        strict: bool,
    ) -> Result<Option<Found<'p>>, EntryErrorKind> {
        self.factors
            .find(
                activity,
                parameter,
                regions,
                date,
                Want {
                    denominator: Some(den),
                    numerator: Some(num),
                },
                self.gwp,
                strict,
            )
            .map_err(ambiguous)
    }

    /// The chain of factors from `dim` of `activity` to CO2e (memoised).
    fn chain(
        &mut self,
        activity: &str,
        dim: Dimension,
        country: &str,
        date: Date,
        pinned: Option<&athar_factors::FactorKey>,
        unit: Unit,
    ) -> Result<Rc<Chain>, EntryErrorKind> {
        if let Some(key) = pinned {
            return self.pinned_chain(key, dim, unit).map(Rc::new);
        }
        let h = memo_hash(activity, dim, country, date);
        if let Some(hit) = self.memo.get(&h).and_then(|b| {
            b.iter()
                .find(|(k, _)| k.0 == activity && k.1 == dim && k.2 == country && k.3 == date)
        }) {
            return hit.1.clone();
        }
        let out = self
            .resolve(activity, dim, country, date, unit)
            .map(Rc::new);
        let key = (activity.to_string(), dim, country.to_string(), date);
        self.memo.entry(h).or_default().push((key, out.clone()));
        out
    }

    fn pinned_chain(
        &mut self,
        key: &athar_factors::FactorKey,
        dim: Dimension,
        unit: Unit,
    ) -> Result<Chain, EntryErrorKind> {
        let (row, kind) = self.factors.pinned(&key.id, &key.version).ok_or_else(|| {
            EntryErrorKind::PinnedFactorNotFound {
                id: key.id.clone(),
                version: key.version.clone(),
            }
        })?;
        if row.unit.denominator.unit.dimension() != dim {
            return Err(EntryErrorKind::NoConversion {
                activity: row.activity.clone(),
                unit,
                region: row.region.clone(),
                hint: format!("the pinned factor {key} is per {}", row.unit.denominator),
            });
        }
        let k = self.cite(row, kind);
        let mut chain = Chain {
            steps: vec![Step {
                symbol: "EF",
                rate: row.rate(),
                key: k.clone(),
            }],
            flags: Vec::new(),
            specific: kind == SourceKind::Specific,
            ef_key: k,
            co2_only: false,
            symbolic: Cow::Borrowed(""),
            text: String::new(),
        };
        self.finish(&mut chain, row, "WORLD")?;
        Ok(chain)
    }

    fn resolve(
        &mut self,
        activity: &str,
        dim: Dimension,
        country: &str,
        date: Date,
        unit: Unit,
    ) -> Result<Chain, EntryErrorKind> {
        use Dimension::*;
        let regions = [country, "WORLD"];
        let (param, strict) = if activity.starts_with("gas:") {
            ("gwp100", true)
        } else {
            ("ef", false)
        };
        let ef = |s: &Self, den| s.find(activity, param, &regions, date, den, Mass, strict);
        let ncv = |s: &Self, den| s.find(activity, "ncv", &regions, date, den, Energy, false);
        let density = |s: &Self, den| s.find(activity, "density", &regions, date, den, Mass, false);

        let mut path: Vec<(&'static str, Found<'p>)> = Vec::new();
        if let Some(f) = ef(self, dim)? {
            path.push((if strict { "GWP" } else { "EF" }, f));
        } else if let (true, Some(n)) = (dim != Energy, ncv(self, dim)?) {
            if let Some(f) = ef(self, Energy)? {
                path.extend([("NCV", n), ("EF", f)]);
            }
        }
        if path.is_empty() && matches!(dim, Volume | NormalVolume) {
            if let Some(rho) = density(self, dim)? {
                if let Some(f) = ef(self, Mass)? {
                    path.extend([("ρ", rho), ("EF", f)]);
                } else if let (Some(n), Some(f)) = (ncv(self, Mass)?, ef(self, Energy)?) {
                    path.extend([("ρ", rho), ("NCV", n), ("EF", f)]);
                }
            }
        }
        let Some((_, last)) = path.last().copied() else {
            let hint = match dim {
                Volume => "give a volume normalisation (m3 → Nm3 at stated conditions), or a factor, NCV or density per this unit".to_string(),
                NormalVolume => "add an NCV (GJ/Nm3) or density (t/Nm3) factor, e.g. from the gas supplier's bill".to_string(),
                _ => format!("add an {param} factor per {unit} (or an NCV chain to one)"),
            };
            // Distinguish "nothing at all" from "nothing for this unit".
            let any = self
                .factors
                .find(
                    activity,
                    param,
                    &regions,
                    date,
                    Want {
                        denominator: None,
                        numerator: None,
                    },
                    self.gwp,
                    strict,
                )
                .map_err(ambiguous)?;
            return Err(if any.is_none() && !matches!(dim, Volume | NormalVolume) {
                EntryErrorKind::FactorNotFound {
                    activity: activity.to_string(),
                    parameter: param.to_string(),
                    region: country.to_string(),
                }
            } else {
                EntryErrorKind::NoConversion {
                    activity: activity.to_string(),
                    unit,
                    region: country.to_string(),
                    hint,
                }
            });
        };
        let mut chain = Chain {
            steps: Vec::new(),
            flags: Vec::new(),
            specific: last.kind == SourceKind::Specific,
            ef_key: Arc::from(""),
            co2_only: false,
            symbolic: Cow::Borrowed(""),
            text: String::new(),
        };
        for (symbol, f) in &path {
            let (key, flags) = self.flags_of(f, activity, country);
            chain.flags.extend(flags);
            chain.steps.push(Step {
                symbol,
                rate: f.row.rate(),
                key: key.clone(),
            });
            chain.ef_key = key;
        }
        self.finish(&mut chain, last.row, country)?;
        Ok(chain)
    }

    /// Checks the emission factor's numerator and, for a gas other than CO2/CO2e, appends the
    /// GWP step.
    fn finish(
        &mut self,
        chain: &mut Chain,
        ef: &athar_factors::FactorRow,
        country: &str,
    ) -> Result<(), EntryErrorKind> {
        let unit_err = |reason: &str| EntryErrorKind::FactorUnit {
            factor: cite_key(&ef.pack, &ef.id, &ef.version),
            unit: ef.unit.to_string(),
            reason: reason.to_string(),
        };
        if ef.unit.numerator.unit.dimension() != Dimension::Mass {
            return Err(unit_err("the numerator is not a mass"));
        }
        match ef.unit.numerator.substance.as_deref() {
            Some("CO2e") => {}
            Some("CO2") => chain.co2_only = true,
            Some(gas) => {
                let activity = format!("gas:{gas}");
                let f = self
                    .find(
                        &activity,
                        "gwp100",
                        &["WORLD"],
                        ef.valid_from.unwrap_or(Date::MIN),
                        Dimension::Mass,
                        Dimension::Mass,
                        true,
                    )?
                    .ok_or_else(|| EntryErrorKind::FactorNotFound {
                        activity: activity.clone(),
                        parameter: "gwp100".to_string(),
                        region: "WORLD".to_string(),
                    })?;
                let (key, flags) = self.flags_of(&f, &activity, country);
                chain.flags.extend(flags);
                chain.steps.push(Step {
                    symbol: "GWP",
                    rate: f.row.rate(),
                    key,
                });
            }
            None => return Err(unit_err("the numerator names no gas")),
        }
        chain.symbolic = chain.symbolic_of();
        chain.text = String::new();
        for step in &chain.steps {
            chain.text.push_str(" × ");
            push_dec(&mut chain.text, step.rate.value.normalize());
            let _ = write!(chain.text, " {}", step.rate.unit);
        }
        Ok(())
    }

    /// A line from a physical quantity through a factor chain.
    #[allow(clippy::too_many_arguments)]
    fn physical(
        &mut self,
        e: &ActivityEntry,
        activity: &str,
        q: Quantity,
        country: &str,
        date: Date,
        source: Source,
        cats: &'static [Category],
        expects_specific: bool,
    ) -> Result<Line, EntryErrorKind> {
        let chain = self.chain(
            activity,
            q.dimension(),
            country,
            date,
            e.factor.as_ref(),
            q.unit,
        )?;
        let (value, substituted) = apply(&chain, q, &mut self.scratch)?;
        let co2_only = chain.co2_only
            && matches!(
                source,
                Source::StationaryCombustion | Source::MobileCombustion
            );
        let default = expects_specific && !chain.specific;
        let mut flags =
            Vec::with_capacity(chain.flags.len() + usize::from(co2_only) + usize::from(default));
        flags.extend(chain.flags.iter().cloned());
        if co2_only {
            flags.push(Flag::Co2Only {
                factor: chain.ef_key.clone(),
            });
        }
        if default {
            flags.push(Flag::DefaultFactor {
                factor: chain.ef_key.clone(),
            });
        }
        Ok(Line {
            source,
            categories: cats,
            suffix: None,
            value,
            formula: Formula {
                symbolic: chain.symbolic.clone(),
                substituted,
            },
            factors: chain.steps.iter().map(|s| s.key.clone()).collect(),
            instruments: Vec::new(),
            flags,
            specific: if chain.specific { value } else { Decimal::ZERO },
        })
    }

    fn spend(
        &mut self,
        e: &ActivityEntry,
        activity: &str,
        m: &Money,
        country: &str,
        source: Source,
        cats: &'static [Category],
    ) -> Result<Line, EntryErrorKind> {
        let (f, fallback) = match &e.factor {
            Some(k) => (
                self.factors
                    .pinned_spend(&k.id, &k.version)
                    .ok_or_else(|| EntryErrorKind::PinnedFactorNotFound {
                        id: k.id.clone(),
                        version: k.version.clone(),
                    })?,
                false,
            ),
            None => self
                .factors
                .spend_for(activity, &[country, "WORLD"])
                .map_err(ambiguous)?
                .ok_or_else(|| EntryErrorKind::FactorNotFound {
                    activity: activity.to_string(),
                    parameter: "ef_spend".to_string(),
                    region: country.to_string(),
                })?,
        };
        if f.currency != m.currency {
            return Err(EntryErrorKind::CurrencyMismatch {
                entry: m.currency.clone(),
                factor: cite_key(&f.pack, &f.id, &f.version),
                factor_currency: f.currency.clone(),
            });
        }
        if f.mass_unit.dimension() != Dimension::Mass {
            return Err(EntryErrorKind::FactorUnit {
                factor: cite_key(&f.pack, &f.id, &f.version),
                unit: format!("{}CO2e/{}", f.mass_unit, f.currency),
                reason: "the numerator is not a mass".to_string(),
            });
        }
        let key = self.cite_spend(f);
        let mismatch = matches!(f.gwp_basis, athar_factors::GwpBasis::Unstated)
            || (matches!(
                f.gwp_basis,
                athar_factors::GwpBasis::Ar5 | athar_factors::GwpBasis::Ar6
            ) && f.gwp_basis != self.gwp);
        let specific = f.kind == SourceKind::Specific;
        let mut flags = Vec::with_capacity(
            usize::from(fallback) + usize::from(mismatch) + usize::from(!specific),
        );
        if fallback {
            flags.push(Flag::RegionFallback {
                factor: key.clone(),
                requested: Arc::from(country),
                used: Arc::from(f.region.as_str()),
            });
        }
        if mismatch {
            flags.push(Flag::GwpBasisMismatch {
                factor: key.clone(),
                factor_basis: Arc::from(f.gwp_basis.as_str()),
            });
        }
        if !specific {
            flags.push(Flag::DefaultFactor {
                factor: key.clone(),
            });
        }
        let mass = m
            .amount
            .checked_mul(f.value)
            .ok_or(athar_quantity::QuantityError::Overflow)?;
        let t = Quantity::new(mass, f.mass_unit).to(Unit::Tonne)?.value;
        let sub = &mut self.scratch;
        sub.clear();
        sub.push_str("E = ");
        push_dec(sub, m.amount.normalize());
        sub.push(' ');
        sub.push_str(&m.currency);
        sub.push_str(" × ");
        push_dec(sub, f.value.normalize());
        sub.push(' ');
        sub.push_str(f.mass_unit.symbol());
        sub.push_str("CO2e/");
        sub.push_str(&f.currency);
        sub.push_str(" = ");
        push_dec(sub, t.normalize());
        sub.push_str(" tCO2e");
        let substituted = sub.as_str().to_owned();
        Ok(Line {
            source,
            categories: cats,
            suffix: None,
            value: t,
            formula: Formula {
                symbolic: Cow::Borrowed("E = S × EF_spend"),
                substituted,
            },
            factors: vec![key],
            instruments: Vec::new(),
            flags,
            specific: if specific { t } else { Decimal::ZERO },
        })
    }

    /// The residual mix of `country` on `date` as a one-step chain (memoised), `None` if there
    /// is none.
    fn residual(&mut self, country: &str, date: Date) -> Result<Option<Rc<Chain>>, EntryErrorKind> {
        const ACTIVITY: &str = "electricity:residual-mix";
        let h = memo_hash(ACTIVITY, Dimension::Energy, country, date);
        if let Some(hit) = self
            .residual_memo
            .get(&h)
            .and_then(|b| b.iter().find(|(k, _)| k.0 == country && k.1 == date))
        {
            return hit.1.clone();
        }
        let out = self.resolve_residual(country, date);
        self.residual_memo
            .entry(h)
            .or_default()
            .push(((country.to_string(), date), out.clone()));
        out
    }

    fn resolve_residual(
        &mut self,
        country: &str,
        date: Date,
    ) -> Result<Option<Rc<Chain>>, EntryErrorKind> {
        const ACTIVITY: &str = "electricity:residual-mix";
        let Some(f) = self.find(
            ACTIVITY,
            "ef",
            &[country],
            date,
            Dimension::Energy,
            Dimension::Mass,
            false,
        )?
        else {
            return Ok(None);
        };
        let (key, fl) = self.flags_of(&f, ACTIVITY, country);
        let mut chain = Chain {
            steps: vec![Step {
                symbol: "EF_residual",
                rate: f.row.rate(),
                key: key.clone(),
            }],
            flags: fl,
            specific: f.kind == SourceKind::Specific,
            ef_key: key,
            co2_only: false,
            symbolic: Cow::Borrowed(""),
            text: String::new(),
        };
        self.finish(&mut chain, f.row, country)?;
        Ok(Some(Rc::new(chain)))
    }

    /// Location-based and market-based lines of one electricity entry.
    fn electricity(
        &mut self,
        e: &ActivityEntry,
        country: &str,
        date: Date,
    ) -> Result<Lines, EntryErrorKind> {
        let ActivityKind::Electricity { instruments } = &e.activity else {
            unreachable!("called for electricity entries only")
        };
        let q = self.quantity(e, "electricity", &[Dimension::Energy], "energy")?;
        let grid = self.chain(
            "electricity:grid-average",
            Dimension::Energy,
            country,
            date,
            None,
            q.unit,
        )?;
        let (loc_value, loc_sub) = apply(&grid, q, &mut self.scratch)?;
        let location = Line {
            source: Source::Electricity,
            categories: S2L,
            suffix: Some("location"),
            value: loc_value,
            formula: Formula {
                symbolic: match &grid.symbolic {
                    Cow::Borrowed("E = Q × EF") => Cow::Borrowed("E = Q × EF_grid"),
                    other => other.clone(),
                },
                substituted: loc_sub,
            },
            factors: grid.steps.iter().map(|s| s.key.clone()).collect(),
            instruments: Vec::new(),
            flags: grid.flags.clone(),
            specific: if grid.specific {
                loc_value
            } else {
                Decimal::ZERO
            },
        };

        // Market-based: GHG Protocol Scope 2 Guidance hierarchy. 1 certificates and PPAs,
        // 2 supplier-specific rates, 3 residual mix, 4 grid average (flagged).
        let mut remaining = q;
        // The substituted formula, written in place: "E = term + term = value tCO2e".
        let mut sub = std::mem::take(&mut self.scratch);
        sub.clear();
        sub.push_str("E = ");
        let mut value = Decimal::ZERO;
        let mut specific = Decimal::ZERO;
        let mut used_instruments = Vec::with_capacity(instruments.len());
        let mut factors = Vec::new();
        let mut flags = Vec::new();
        let ordered = instruments
            .iter()
            .filter(|i| !matches!(i.kind, InstrumentKind::SupplierRate))
            .chain(
                instruments
                    .iter()
                    .filter(|i| matches!(i.kind, InstrumentKind::SupplierRate)),
            );
        for inst in ordered {
            let bad = |reason: String| EntryErrorKind::Instrument {
                instrument: inst.id.clone(),
                reason,
            };
            let u = &inst.factor.unit;
            if u.denominator.unit.dimension() != Dimension::Energy
                || u.numerator.unit.dimension() != Dimension::Mass
                || !matches!(u.numerator.substance.as_deref(), Some("CO2e" | "CO2"))
            {
                return Err(bad(format!(
                    "factor unit {u} is not CO2(e) mass per energy"
                )));
            }
            if inst.factor.value.is_sign_negative() && !inst.factor.value.is_zero() {
                return Err(bad("factor is negative".to_string()));
            }
            let covered = match inst.covers {
                Some(c) if c.dimension() != Dimension::Energy => {
                    return Err(bad(format!("covers {} which is not energy", qty(&c))))
                }
                Some(c) if c.value.is_sign_negative() && !c.value.is_zero() => {
                    return Err(bad("covers a negative amount".to_string()))
                }
                Some(c) => c,
                None => remaining,
            };
            if covered.cmp_amount(&remaining)? == std::cmp::Ordering::Greater {
                let total = instruments
                    .iter()
                    .filter_map(|i| i.covers)
                    .try_fold(Quantity::new(Decimal::ZERO, q.unit), |acc, c| {
                        acc.checked_add(&c)
                    })?;
                return Err(EntryErrorKind::InstrumentsExceedConsumption {
                    covered: qty(&total),
                    consumption: qty(&q),
                });
            }
            remaining = remaining.checked_sub(&covered)?;
            let t = inst.factor.apply(&covered)?.to(Unit::Tonne)?.value;
            value = value
                .checked_add(t)
                .ok_or(athar_quantity::QuantityError::Overflow)?;
            specific = specific
                .checked_add(t)
                .ok_or(athar_quantity::QuantityError::Overflow)?;
            if sub.len() > 4 {
                sub.push_str(" + ");
            }
            push_dec(&mut sub, covered.value.normalize());
            sub.push(' ');
            sub.push_str(covered.unit.symbol());
            sub.push_str(" × ");
            push_dec(&mut sub, inst.factor.value.normalize());
            let _ = write!(sub, " {} [", inst.factor.unit);
            match &inst.kind {
                InstrumentKind::Certificate { scheme } => {
                    sub.push_str("certificate ");
                    sub.push_str(scheme);
                }
                InstrumentKind::Ppa => sub.push_str("PPA"),
                InstrumentKind::SupplierRate => sub.push_str("supplier rate"),
            }
            sub.push(' ');
            sub.push_str(&inst.id);
            sub.push(']');
            let mut used = String::with_capacity(e.id.len() + 1 + inst.id.len());
            used.push_str(&e.id);
            used.push('/');
            used.push_str(&inst.id);
            used_instruments.push(used);
        }
        if !remaining.value.is_zero() {
            let (chain, label, fallback) = match self.residual(country, date)? {
                Some(chain) => {
                    flags.push(Flag::ResidualMix {
                        factor: chain.ef_key.clone(),
                    });
                    (chain, "residual mix", false)
                }
                None => (grid.clone(), "grid average, no residual mix", true),
            };
            let t = apply_value(&chain, remaining)?;
            value = value
                .checked_add(t)
                .ok_or(athar_quantity::QuantityError::Overflow)?;
            if chain.specific {
                specific = specific
                    .checked_add(t)
                    .ok_or(athar_quantity::QuantityError::Overflow)?;
            }
            if sub.len() > 4 {
                sub.push_str(" + ");
            }
            let energy_at = sub.len();
            push_dec(&mut sub, remaining.value.normalize());
            sub.push(' ');
            sub.push_str(remaining.unit.symbol());
            if fallback {
                flags.push(Flag::MarketGridAverageFallback {
                    energy: Arc::from(&sub[energy_at..]),
                    factor: grid.ef_key.clone(),
                });
            }
            sub.push_str(&chain.text);
            sub.push_str(" [");
            sub.push_str(label);
            sub.push(']');
            flags.reserve_exact(chain.flags.len());
            flags.extend(chain.flags.iter().cloned());
            factors.reserve_exact(chain.steps.len());
            factors.extend(chain.steps.iter().map(|s| s.key.clone()));
        }
        let market = Line {
            source: Source::Electricity,
            categories: S2M,
            suffix: Some("market"),
            value,
            formula: Formula {
                symbolic: Cow::Borrowed("E = Σ Q_i × EF_i (1 certificates/PPAs, 2 supplier rate, 3 residual mix, 4 grid average)"),
                substituted: {
                    sub.push_str(" = ");
                    push_dec(&mut sub, value.normalize());
                    sub.push_str(" tCO2e");
                    let exact = sub.as_str().to_owned();
                    self.scratch = sub;
                    exact
                },
            },
            factors,
            instruments: used_instruments,
            flags,
            specific,
        };
        Ok((location, Some(market)))
    }
}

/// Applies a chain to a quantity: tCO2e only.
fn apply_value(chain: &Chain, q: Quantity) -> Result<Decimal, EntryErrorKind> {
    let mut cur = q;
    for step in &chain.steps {
        cur = step.rate.apply(&cur)?;
    }
    Ok(cur.to(Unit::Tonne)?.value)
}

/// Applies a chain to a quantity: tCO2e and the substituted formula. The formula is written
/// in `scratch` and copied out at its exact length.
fn apply(
    chain: &Chain,
    q: Quantity,
    scratch: &mut String,
) -> Result<(Decimal, String), EntryErrorKind> {
    let t = apply_value(chain, q)?;
    scratch.clear();
    scratch.push_str("E = ");
    push_dec(scratch, q.value.normalize());
    scratch.push(' ');
    scratch.push_str(q.unit.symbol());
    scratch.push_str(&chain.text);
    scratch.push_str(" = ");
    push_dec(scratch, t.normalize());
    scratch.push_str(" tCO2e");
    Ok((t, scratch.as_str().to_owned()))
}

const MAX_TERMS: usize = 50;

/// A result node as seen by the node above it: no map lookups while summing.
#[derive(Debug, Clone)]
struct Child {
    id: Arc<str>,
    value: Decimal,
    quality: Quality,
}

/// What a sum needs of each of its children: lines are summed straight from their nodes,
/// sums of sums from [`Child`]ren.
trait AsChild {
    fn id(&self) -> &Arc<str>;
    fn value(&self) -> Decimal;
    fn quality(&self) -> &Quality;
}

impl AsChild for Child {
    fn id(&self) -> &Arc<str> {
        &self.id
    }
    fn value(&self) -> Decimal {
        self.value
    }
    fn quality(&self) -> &Quality {
        &self.quality
    }
}

impl AsChild for &ResultNode {
    fn id(&self) -> &Arc<str> {
        &self.id
    }
    fn value(&self) -> Decimal {
        self.value
    }
    fn quality(&self) -> &Quality {
        &self.quality
    }
}

/// All nodes by id. The same map as inserting every line and then every sum in the order
/// they were made (a later node with an id already present replaces the earlier one), but
/// built in one pass from a sorted sequence: no node is moved while the tree grows, and the
/// tree's leaves are full. Lines usually come already sorted (entries sorted by id); then
/// sorting is one comparison per line, and the sums (whose ids start with a category, never
/// with `line/`) go before or after them in the same vector.
fn assemble(
    mut lines: Vec<(Arc<str>, ResultNode)>,
    mut sums: Vec<ResultNode>,
) -> BTreeMap<Arc<str>, ResultNode> {
    // Stable sorts: of equal ids, the one made last comes last, and `from_iter` keeps it.
    sums.sort_by(|a, b| a.id.cmp(&b.id));
    let sorted = lines.is_sorted_by(|a, b| a.0 <= b.0);
    let (first, last) = match (lines.first(), lines.last()) {
        (Some(f), Some(l)) => (f.0.clone(), l.0.clone()),
        _ => (Arc::from(""), Arc::from("")),
    };
    let before = sums.partition_point(|s| *s.id < *first);
    let after = sums.partition_point(|s| *s.id <= *last);
    let all: Vec<(Arc<str>, ResultNode)> = if sorted && before == after {
        let mut tail = sums.split_off(after);
        lines.reserve_exact(sums.len() + tail.len());
        lines.splice(0..0, sums.into_iter().map(|s| (s.id.clone(), s)));
        lines.extend(tail.drain(..).map(|s| (s.id.clone(), s)));
        lines
    } else {
        // Lines out of order, or (not with ids as made now) sums between them: merge by an
        // index sort, never moving a node but to its place.
        let mut order: Vec<u32> = (0..lines.len() as u32).collect();
        if !sorted {
            order.sort_by(|&a, &b| lines[a as usize].0.cmp(&lines[b as usize].0));
        }
        let mut out = Vec::with_capacity(lines.len() + sums.len());
        let mut slots: Vec<Option<(Arc<str>, ResultNode)>> = lines.into_iter().map(Some).collect();
        let mut sums = sums.into_iter().peekable();
        for i in order {
            let Some(line) = slots[i as usize].take() else {
                continue;
            };
            while let Some(s) = sums.next_if(|s| s.id < line.0) {
                out.push((s.id.clone(), s));
            }
            out.push(line);
        }
        out.extend(sums.map(|s| (s.id.clone(), s)));
        out
    };
    // `from_iter` on a vector's own iterator reuses it, finds it sorted and builds the tree
    // bottom-up.
    all.into_iter().collect()
}

/// A node summing `children`.
fn sum_node<C: AsChild>(
    id: Arc<str>,
    category: Category,
    site: Option<&str>,
    period: Period,
    children: Vec<C>,
    symbolic: Cow<'static, str>,
) -> Result<ResultNode, InventoryError> {
    let mut value = Decimal::ZERO;
    let mut quality = Quality::default();
    let mut substituted = String::new();
    for (i, c) in children.iter().enumerate() {
        value = value
            .checked_add(c.value())
            .ok_or_else(|| InventoryError::Overflow(id.to_string()))?;
        quality
            .add(c.quality())
            .ok_or_else(|| InventoryError::Overflow(id.to_string()))?;
        if i < MAX_TERMS {
            if i > 0 {
                substituted.push_str(" + ");
            }
            push_dec(&mut substituted, c.value().normalize());
        }
    }
    if children.is_empty() {
        substituted.push_str("no entries: 0");
    }
    if children.len() > MAX_TERMS {
        let _ = write!(
            substituted,
            " + … ({} more, see children)",
            children.len() - MAX_TERMS
        );
    }
    let _ = write!(substituted, " = {} tCO2e", value.normalize());
    Ok(ResultNode {
        id,
        level: Level::Sum { category },
        site: site.map(Arc::from),
        period,
        value: value.normalize(),
        unit: Cow::Borrowed("tCO2e"),
        formula: Formula {
            symbolic,
            substituted,
        },
        entries: Vec::new(),
        factors: Vec::new(),
        instruments: Vec::new(),
        children: children.iter().map(|c| c.id().clone()).collect(),
        quality,
        flags: Vec::new(),
    })
}

/// Builds the category, scope 3 and total nodes of one (site or all) × period from the given
/// children per category. Returns the category nodes made (for the level above).
fn build_level<C: AsChild>(
    nodes: &mut Vec<ResultNode>,
    site: Option<&str>,
    period: Period,
    mut cats: BTreeMap<Category, Vec<C>>,
) -> Result<Vec<(Category, Child)>, InventoryError> {
    let label = period.label();
    let who = site.unwrap_or("all");
    let id = |c: Category| -> Arc<str> { Arc::from(format!("{}/{who}/{label}", c.id())) };
    let mut made = Vec::new();
    let mut by_cat: BTreeMap<Category, Child> = BTreeMap::new();
    let basics = [
        Category::Scope1,
        Category::Scope2Location,
        Category::Scope2Market,
    ];
    let present: Vec<Category> = cats
        .keys()
        .copied()
        .filter(|c| matches!(c, Category::Scope3Cat(_)))
        .collect();
    let insert = |nodes: &mut Vec<ResultNode>, node: ResultNode| {
        let child = Child {
            id: node.id.clone(),
            value: node.value,
            quality: node.quality.clone(),
        };
        nodes.push(node);
        child
    };
    for cat in basics.into_iter().chain(present.iter().copied()) {
        let children = cats.remove(&cat).unwrap_or_default();
        let what = if children
            .first()
            .is_some_and(|c| c.id().starts_with("line/"))
        {
            "lines"
        } else {
            "children"
        };
        let node = sum_node(
            id(cat),
            cat,
            site,
            period,
            children,
            Cow::Owned(format!("{} = Σ {what}", cat.id())),
        )?;
        let child = insert(nodes, node);
        made.push((cat, child.clone()));
        by_cat.insert(cat, child);
    }
    let s3_children: Vec<Child> = present.iter().map(|c| by_cat[c].clone()).collect();
    let s3 = sum_node(
        id(Category::Scope3),
        Category::Scope3,
        site,
        period,
        s3_children,
        Cow::Borrowed("scope3 = Σ scope3-cat_n"),
    )?;
    let s3 = insert(nodes, s3);
    for (total, s2) in [
        (Category::TotalLocation, Category::Scope2Location),
        (Category::TotalMarket, Category::Scope2Market),
    ] {
        let node = sum_node(
            id(total),
            total,
            site,
            period,
            vec![
                by_cat[&Category::Scope1].clone(),
                by_cat[&s2].clone(),
                s3.clone(),
            ],
            Cow::Owned(format!("{} = scope1 + {} + scope3", total.id(), s2.id())),
        )?;
        insert(nodes, node);
    }
    Ok(made)
}

fn intensity(
    nodes: &[ResultNode],
    cat: Category,
    total: Category,
    rp: Period,
    revenue: &Money,
) -> Result<ResultNode, InventoryError> {
    let label = rp.label();
    let total_id: Arc<str> = Arc::from(format!("{}/all/{label}", total.id()));
    // The last node made with that id (a site called "all" makes one too).
    let t = nodes
        .iter()
        .rev()
        .find(|n| n.id == total_id)
        .expect("the total over all sites and the reporting period was built");
    let id: Arc<str> = Arc::from(format!("{}/all/{label}", cat.id()));
    let value = t
        .value
        .checked_div(revenue.amount)
        .ok_or_else(|| InventoryError::Overflow(id.to_string()))?;
    Ok(ResultNode {
        level: Level::Intensity { category: cat },
        site: None,
        period: rp,
        value: value.normalize(),
        unit: Cow::Owned(format!("tCO2e/{}", revenue.currency)),
        formula: Formula {
            symbolic: Cow::Owned(format!("I = {} / net revenue", total.id())),
            substituted: format!(
                "I = {} tCO2e / {} {} = {} tCO2e/{}",
                dec(t.value),
                dec(revenue.amount),
                revenue.currency,
                dec(value),
                revenue.currency
            ),
        },
        entries: Vec::new(),
        factors: Vec::new(),
        instruments: Vec::new(),
        children: vec![total_id],
        quality: t.quality.clone(),
        flags: Vec::new(),
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn pushed(d: Decimal) -> String {
        let mut s = String::from("x");
        push_dec(&mut s, d);
        s.split_off(1)
    }

    #[test]
    fn push_dec_writes_what_display_writes() {
        let mut cases: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "-0.000",
            "1",
            "-1",
            "10",
            "100.0",
            "0.5",
            "-0.5",
            "0.005",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "123456789.000000001",
            "19.3545",
            "2.6676",
            "0.00007385355",
            "1e-20",
        ]
        .iter()
        .map(|s| {
            Decimal::from_str(s)
                .or_else(|_| Decimal::from_scientific(s))
                .unwrap()
        })
        .collect();
        // Every scale with mantissas of every length, both signs, zeros at both ends.
        let mut x: u128 = 0x9E37_79B9_7F4A_7C15_F39C_C060;
        for scale in 0..=28 {
            for len in 0..=96 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let m = if len == 0 {
                    0
                } else {
                    (x >> 32) & ((1u128 << len) - 1)
                };
                for neg in [false, true] {
                    let lo = m as u32;
                    let mid = (m >> 32) as u32;
                    let hi = (m >> 64) as u32;
                    cases.push(Decimal::from_parts(lo, mid, hi, neg, scale));
                    cases.push(Decimal::from_parts(lo, mid, hi, neg, scale).normalize());
                    let tens = Decimal::from_i128_with_scale(
                        (m % 10_000_000_000_000_000_000_000_000) as i128 * 1000,
                        scale,
                    );
                    cases.push(tens);
                }
            }
        }
        for d in cases {
            assert_eq!(pushed(d), d.to_string(), "{d:?}");
        }
    }
}
