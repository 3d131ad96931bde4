import { deflateSync } from "node:zlib";

/** A PDF from its objects (numbered from 1, the first the catalog), with a correct cross-reference table. */
function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(offset);
    const whole = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(object), Buffer.from("\nendobj\n")]);
    parts.push(whole);
    offset += whole.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`),
  ].join("");
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

/** A PDF of `pages` empty pages (100,000 make about 12 MB). */
export function emptyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, index) => `${index + 4} 0 R`).join(" ");
  const page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>";
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`,
    "<< /Length 0 >>\nstream\n\nendstream",
    ...Array.from({ length: pages }, () => page),
  ]);
}

/** A one-page PDF whose content stream is about 1 MB deflated and `megabytes` MB inflated: one long line of text. */
export function deflateBombPdf(megabytes: number): Buffer {
  const run = `BT /F1 12 Tf 72 712 Td (${"A".repeat(1_000)}) Tj ET\n`;
  const content = deflateSync(Buffer.from(run.repeat(Math.ceil((megabytes * 1024 * 1024) / run.length))), {
    level: 9,
  });
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
      content,
      Buffer.from("\nendstream"),
    ]),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

/** Governing body minutes as an HTML page with `items` numbered agenda items, and a title of `titleChars` characters. */
export function manyItemsHtml(items: number, titleChars = 60): string {
  const title = `Governing Body minutes ${"of the meeting held in public ".repeat(Math.ceil(titleChars / 30))}`.slice(
    0,
    titleChars,
  );
  const body = Array.from(
    { length: items },
    (_, index) =>
      `<h2>${index + 1}. Commissioning plan item ${index + 1}</h2><p>The governing body discussed the commissioning plan for community services, item ${index + 1}, and agreed it.</p>`,
  ).join("\n");
  return `<!doctype html><html><head><title>${title}</title></head><body><main><h1>${title}</h1><p>Minutes of the meeting of the governing body held on 10 January 2013.</p><p>Present: Dr Anna Brown (Chair), Mr Ben Green (Accountable Officer)</p>${body}</main></body></html>`;
}
