/** Reads CSV as written by csv-stringify (RFC 4180: quoted fields, "" for a quote), for assertions. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [[]];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === "," || char === "\n") {
      rows.at(-1)?.push(field);
      field = "";
      if (char === "\n") rows.push([]);
    } else if (char !== "\r") field += char;
  }
  if (field !== "" || (rows.at(-1)?.length ?? 0) > 0) rows.at(-1)?.push(field);
  const [header = [], ...body] = rows.filter((row) => row.length > 0);
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}
