/**
 * A deterministic JSON serialisation for hashing: object keys sorted, Dates as ISO-8601 UTC strings,
 * and object properties that are `undefined` or `null` left out, so an optional field reads the same
 * whether it was never set or came back from the database as NULL.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "number") return canonicalNumber(value);
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") return canonicalObject(value);
  throw new TypeError(`Cannot serialise a ${typeof value} canonically`);
}

function canonicalObject(value: object): string {
  // One string built in key order: every audit entry and every submission hashes one of these.
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let json = "{";
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || member === null) continue;
    if (json.length > 1) json += ",";
    json += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${json}}`;
}

function canonicalNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`Cannot serialise ${value} canonically`);
  return JSON.stringify(value);
}
