// How precise an EDTF date is, so that uncertain and approximate dates can be drawn differently.

/** "uncertain" for ? ~ % (or unspecified X digits), "interval" for ranges and whole months or years, else "exact". */
export function precision(event) {
  const edtf = event.date || "";
  if (/[?~%X]/.test(edtf)) return "uncertain";
  if (edtf.includes("/") || edtf.includes("..") || event.start !== event.end) return "interval";
  return "exact";
}

/** Milliseconds since the epoch of an ISO day (UTC). */
export function day(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** The first and last day of a filter value YYYY, YYYY-MM or YYYY-MM-DD; null when it is not one. */
export function bounds(value) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec((value || "").trim());
  if (!match) return null;
  const [, year, month, dayOfMonth] = match;
  if (dayOfMonth) return [`${year}-${month}-${dayOfMonth}`, `${year}-${month}-${dayOfMonth}`];
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return [`${year}-${month}-01`, `${year}-${month}-${String(last).padStart(2, "0")}`];
  }
  return [`${year}-01-01`, `${year}-12-31`];
}

/** Events wholly inside [from, to] (ISO days; either may be empty), as the API gives them for a period:
 * an event of unknown year or open at one end (0001-01-01, 9999-12-31) is never inside one. */
export function insidePeriod(events, from, to) {
  if (!from && !to) return events;
  return events.filter((event) => (!from || event.start >= from) && (!to || event.end <= to) && event.start > "0001-01-01" && event.end < "9999-12-31");
}

// ---------------------------------------------------------------- a document's own date (EDTF)

const SEASONS = { 21: "03", 22: "06", 23: "09", 24: "12" }; // EDTF seasons, sorted by their first month

/** The first day an EDTF date can stand for, as a sortable "YYYY-MM-DD" (null when there is none):
 * "1920-04~" -> "1920-04-01", "1919-07/1919-08" -> "1919-07-01", "../1920" -> "1920-01-01". */
export function edtfSortKey(edtf) {
  if (!edtf) return null;
  const [first, second = ""] = String(edtf).split("/");
  for (const part of [first, second]) {
    const match = /^(\d{4}|\d{2}XX|\d{3}X)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?$/.exec(part.replace(/[?~%]/g, "").trim());
    if (!match) continue;
    const [, year, month = "01", dayOfMonth = "01"] = match;
    const m = SEASONS[month] ?? month.replace(/X/g, "0").replace(/^00$/, "01");
    return `${year.replace(/X/g, "0")}-${m}-${dayOfMonth.replace(/X/g, "0").replace(/^00$/, "01")}`;
  }
  return null;
}

const SEASON_NAMES = {
  tr: { 21: "İlkbahar", 22: "Yaz", 23: "Sonbahar", 24: "Kış" },
  en: { 21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter" },
};
const FORMATTERS = new Map(); // made once: long lists format many dates

/** An EDTF date for reading: "1922-03-01" -> "1 Mart 1922" / "1 March 1922", "1920-04~" -> "yaklaşık Nisan 1920",
 * "1919-07/1919-08" -> "Temmuz 1919 – Ağustos 1919"; what it cannot read it gives back as written. */
export function formatEdtf(edtf, lang = "tr") {
  if (!edtf) return "";
  if (edtf.includes("/")) {
    const [first, second] = edtf.split("/");
    const side = (part) => (!part || part === ".." ? "…" : formatEdtf(part, lang));
    return `${side(first)} – ${side(second)}`;
  }
  const locale = lang === "tr" ? "tr-TR" : "en-GB";
  const approximate = /[~%]/.test(edtf);
  const uncertain = /[?%]/.test(edtf);
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(edtf.replace(/[?~%]/g, ""));
  if (match && !match[3] && SEASON_NAMES[lang === "tr" ? "tr" : "en"][match[2]]) {
    // an EDTF season, 1918-22: "Yaz 1918" / "Summer 1918"
    const text = `${SEASON_NAMES[lang === "tr" ? "tr" : "en"][match[2]]} ${match[1]}`;
    return `${approximate ? `${lang === "tr" ? "yaklaşık" : "c."} ` : ""}${text}${uncertain ? " (?)" : ""}`;
  }
  if (!match || Number(match[2] ?? 1) > 12) return edtf;
  const [, year, month, dayOfMonth] = match;
  const when = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(dayOfMonth ?? 1)));
  when.setUTCFullYear(Number(year));
  const key = `${locale}${month ? " month" : ""}${dayOfMonth ? " day" : ""}`;
  if (!FORMATTERS.has(key)) {
    const options = { year: "numeric", timeZone: "UTC", ...(month ? { month: "long" } : {}), ...(dayOfMonth ? { day: "numeric" } : {}) };
    FORMATTERS.set(key, new Intl.DateTimeFormat(locale, options));
  }
  let text = FORMATTERS.get(key).format(when);
  if (approximate) text = `${lang === "tr" ? "yaklaşık" : "c."} ${text}`;
  if (uncertain) text = `${text} (?)`;
  return text;
}
