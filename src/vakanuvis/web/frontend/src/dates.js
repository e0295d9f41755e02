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

/** Events that can fall within [from, to] (either may be empty): the API's own rule, latest >= from, earliest <= to. */
export function withinPeriod(events, from, to) {
  const low = bounds(from)?.[0];
  const high = bounds(to)?.[1];
  return events.filter((event) => (!low || event.end >= low) && (!high || event.start <= high));
}
