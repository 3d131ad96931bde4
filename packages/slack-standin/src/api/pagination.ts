/** Slack's cursor pagination: `limit` + opaque `cursor`, answered with `response_metadata.next_cursor`. */
export function paginate<T>(items: T[], limit: number | undefined, cursor: string | undefined) {
  const start = cursor ? decodeCursor(cursor) : 0;
  const size = limit && limit > 0 ? limit : 100;
  const pageItems = items.slice(start, start + size);
  const next = start + size < items.length ? encodeCursor(start + size) : "";
  return { items: pageItems, response_metadata: { next_cursor: next } };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64");
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  return match?.[1] ? Number.parseInt(match[1], 10) : 0;
}
