// Calls to the vakanuvis HTTP API (same origin, under /api/).

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** GET one JSON resource; `params` become the query string (empty values left out). */
export async function getJSON(path, params = {}) {
  const url = new URL(`/api/${path}`, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail ?? detail;
    } catch {}
    throw new ApiError(response.status, typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return response.json();
}

/** Every record of a paged list route ({data, count}), fetched 500 at a time. */
export async function getAll(path, params = {}) {
  const records = [];
  for (let offset = 0; ; offset += 500) {
    const page = await getJSON(path, { ...params, offset, limit: 500 });
    const data = Array.isArray(page) ? page : page.data;
    records.push(...data);
    const count = Array.isArray(page) ? data.length : page.count;
    if (Array.isArray(page) || data.length === 0 || records.length >= count) return records;
  }
}

const cache = new Map();

/** A list fetched once per page load (events, entities), shared by the views. */
export function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((error) => (cache.delete(key), Promise.reject(error))));
  return cache.get(key);
}

export const allEvents = () => cached("events", () => getAll("events"));
export const allDocuments = () => cached("documents", () => getAll("documents"));

/** Document id -> its title (or file name), to name documents where only their ids are given. */
export async function documentTitles() {
  const documents = await allDocuments();
  return new Map(documents.map((d) => [d.id, d.title || d.path.split("/").pop()]));
}
export const allEntities = () => cached("entities", () => getAll("entities"));

/** Canonical entity name -> entity id, to link the names that events carry. */
export async function entityIdsByName() {
  const entities = await allEntities();
  const ids = new Map();
  for (const entity of entities) if (!ids.has(entity.name)) ids.set(entity.name, entity.id);
  return ids;
}
