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

/** Events that can fall within [from, to] (either may be empty): the API's own rule, latest >= from, earliest <= to;
 * with a period, an event of unknown year or open at one end (0001-01-01, 9999-12-31) is not known to be in it. */
export function withinPeriod(events, from, to) {
  const low = bounds(from)?.[0];
  const high = bounds(to)?.[1];
  if (!low && !high) return events;
  return events.filter(
    (event) => event.start > "0001-01-01" && event.end < "9999-12-31" && (!low || event.end >= low) && (!high || event.start <= high),
  );
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
  if (!match || Number(match[2] ?? 1) > 12) return edtf;
  const [, year, month, dayOfMonth] = match;
  const when = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(dayOfMonth ?? 1)));
  when.setUTCFullYear(Number(year));
  const options = { year: "numeric", timeZone: "UTC", ...(month ? { month: "long" } : {}), ...(dayOfMonth ? { day: "numeric" } : {}) };
  let text = new Intl.DateTimeFormat(locale, options).format(when);
  if (approximate) text = `${lang === "tr" ? "yaklaşık" : "c."} ${text}`;
  if (uncertain) text = `${text} (?)`;
  return text;
}
