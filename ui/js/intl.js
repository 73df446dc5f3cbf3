// Locale-aware formatting for the wasm UI (see src/format.rs). The browser's Intl knows how
// Arabic readers write digits, dates and country names; these helpers only cache formatters
// and fall back to the raw value when an engine lacks a feature. No network, no globals.
const cache = new Map();

function cached(kind, locale, make) {
  const key = kind + "|" + locale;
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function format_number(locale, value) {
  try {
    const nf = cached("number", locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }));
    return nf.format(value);
  } catch (e) {
    return String(value);
  }
}

export function format_plain(locale, value) {
  try {
    const nf = cached("plain", locale, () => new Intl.NumberFormat(locale, { useGrouping: false }));
    return nf.format(value);
  } catch (e) {
    return String(value);
  }
}

export function format_money(locale, amount, currency) {
  try {
    const nf = cached("money|" + currency, locale, () =>
      new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 20 }));
    return nf.format(amount);
  } catch (e) {
    return format_number(locale, amount) + " " + currency;
  }
}

export function format_date_time(locale, iso) {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  try {
    const df = cached("datetime", locale, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }));
    return df.format(d);
  } catch (e) {
    return d.toLocaleString(locale);
  }
}

export function format_date(locale, isoDate) {
  try {
    const [y, m, d] = isoDate.split("-").map(Number);
    const df = cached("date", locale, () =>
      new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }));
    return df.format(new Date(Date.UTC(y, m - 1, d)));
  } catch (e) {
    return isoDate;
  }
}

export function format_percent(locale, value) {
  try {
    const nf = cached("percent", locale, () =>
      new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }));
    return nf.format(value);
  } catch (e) {
    return String(value);
  }
}

export function format_time(locale, millis) {
  try {
    const tf = cached("time", locale, () => new Intl.DateTimeFormat(locale, { timeStyle: "short" }));
    return tf.format(new Date(millis));
  } catch (e) {
    return new Date(millis).toLocaleTimeString(locale);
  }
}

export function display_name(locale, kind, code) {
  try {
    const dn = cached("names|" + kind, locale, () => new Intl.DisplayNames([locale], { type: kind }));
    return dn.of(code) || code;
  } catch (e) {
    return code;
  }
}

export function compare_text(locale, a, b) {
  try {
    return cached("collator", locale, () => new Intl.Collator(locale)).compare(a, b);
  } catch (e) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}

export function now_millis() {
  return Date.now();
}

export function current_year() {
  return new Date().getFullYear();
}
