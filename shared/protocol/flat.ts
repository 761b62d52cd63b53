/**
 * The synced state flattens a view into `path → JSON` leaves: plain objects are opened up to
 * `FLAT_DEPTH` levels (`tracks.severity`, `positions.RU`), anything else is one JSON leaf. A change
 * to one vote sends that one leaf. `unflatten` rebuilds the object.
 */
export const FLAT_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON of frozen objects (the scenario's texts, shared by every game) is computed once. */
const frozenJson = new WeakMap<object, string>();

function toJson(value: unknown): string {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let json = frozenJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    frozenJson.set(value, json);
  }
  return json;
}

export function flatten(
  value: Record<string, unknown>,
  depth = FLAT_DEPTH,
  prefix = "",
  out = new Map<string, string>(),
): Map<string, string> {
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const keys = isPlainObject(field) ? Object.keys(field) : [];
    if (depth > 1 && keys.length > 0 && keys.every((inner) => !inner.includes(".")))
      flatten(field as Record<string, unknown>, depth - 1, path, out);
    else out.set(path, toJson(field));
  }
  return out;
}

export function unflatten(entries: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, json] of entries) {
    const keys = path.split(".");
    let node = root;
    for (const key of keys.slice(0, -1)) {
      if (!isPlainObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] as string] = JSON.parse(json) as unknown;
  }
  return root;
}

/** The public view's parts that are synced as one JSON string each (static or rare and large). */
export const WHOLE_FIELDS = ["scenario", "debrief"] as const;
