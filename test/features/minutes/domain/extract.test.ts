import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { MinutesParseError } from "../../../../src/features/minutes/domain/errors";
import { extractText } from "../../../../src/features/minutes/domain/extract";
import { ownFile } from "../../../support/fixtures";

const encoder = new TextEncoder();

async function pdfFromLines(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of lines) {
    if (line) page.drawText(line, { x: 50, y, size: 11, font });
    y -= line ? 15 : 10;
  }
  return pdf.save();
}

describe("extractText: HTML", () => {
  const page = {
    contentType: "text/html; charset=utf-8",
    body: new Uint8Array(ownFile("govuk-style-accountability-minutes.html")),
    url: "https://www.gov.uk/government/publications/example-accountability-meeting-september-2012",
  };

  it("keeps the minutes and drops navigation, cookie banner, breadcrumbs and footer", async () => {
    const { text } = await extractText(page);
    expect(text).toContain("The meeting agreed that the Authority would set out how CCGs could earn their way out");
    expect(text).toContain("Sir David Nicholson reported that the first wave of CCGs");
    for (const chrome of [
      "cookies",
      "Search GOV.UK",
      "Business and self-employed",
      "Crown copyright",
      "Skip to main content",
      "Accessibility statement",
    ]) {
      expect(text).not.toContain(chrome);
    }
  });

  it("keeps paragraphs, headings and list entries on lines of their own", async () => {
    const lines = (await extractText(page)).text.split("\n");
    expect(lines).toContain("2. Clinical commissioning group authorisation");
    expect(lines).toContain("- Professor Malcolm Grant, Chair, NHS Commissioning Board Authority");
    expect(lines).toContain("Publish the authorisation conditions for each CCG | Dame Barbara Hakin | 31 October 2012");
  });

  it("gives the page title without the site name", async () => {
    const { title } = await extractText(page);
    expect(title).toBe("Example accountability meeting with the NHS Commissioning Board Authority: 17 September 2012");
  });

  it("still finds the main content of a short page", async () => {
    const html = `<html><head><title>Notes</title></head><body><nav><a href="/">Home</a><a href="/about">About us</a></nav>
      <main><h1>Board notes</h1><p>The Board agreed the budget.</p></main><footer>Contact us</footer></body></html>`;
    const { text } = await extractText({
      contentType: "text/html",
      body: encoder.encode(html),
      url: "https://example.org/n",
    });
    expect(text).toContain("The Board agreed the budget.");
    expect(text).not.toContain("About us");
    expect(text).not.toContain("Contact us");
  });
});

describe("extractText: PDF", () => {
  it("reads the text of a PDF and joins lines wrapped inside a paragraph", async () => {
    const body = await pdfFromLines([
      "NHS Commissioning Board Authority",
      "Minutes of a meeting held on 19 July 2012",
      "",
      "1. Business plan",
      "The Board agreed that the business plan would be revised to reflect the letter of",
      "23 April 2012 and the four objectives it sets for the Authority.",
      "Action: Bill McCarthy to circulate the revised plan by 31 July 2012",
    ]);
    const { text } = await extractText({ contentType: "application/pdf", body, url: "https://example.org/m.pdf" });
    const lines = text.split("\n").filter(Boolean);
    expect(lines).toContain("Minutes of a meeting held on 19 July 2012");
    expect(lines).toContain(
      "The Board agreed that the business plan would be revised to reflect the letter of 23 April 2012 and the four objectives it sets for the Authority.",
    );
    expect(lines).toContain("Action: Bill McCarthy to circulate the revised plan by 31 July 2012");
  });

  it("recognises a PDF sent as application/octet-stream", async () => {
    const body = await pdfFromLines(["Minutes of the Governing Body"]);
    const { text } = await extractText({
      contentType: "application/octet-stream",
      body,
      url: "https://example.org/download?id=4",
    });
    expect(text).toBe("Minutes of the Governing Body");
  });

  it("reports a damaged PDF", async () => {
    const body = encoder.encode("%PDF-1.7\nthis is not really a pdf");
    await expect(
      extractText({ contentType: "application/pdf", body, url: "https://example.org/bad.pdf" }),
    ).rejects.toThrowError(MinutesParseError);
  });
});

describe("extractText: plain text and unsupported types", () => {
  it("returns plain text as it is, with Windows line endings normalised", async () => {
    const body = encoder.encode("Minutes\r\n\r\nThe Board noted the report.\r\n");
    const { text, title } = await extractText({ contentType: "text/plain", body, url: "https://example.org/m.txt" });
    expect(text).toBe("Minutes\n\nThe Board noted the report.");
    expect(title).toBeUndefined();
  });

  it("decodes the charset named in the content type", async () => {
    const body = new Uint8Array([0x43, 0x61, 0x66, 0xe9]); // "Café" in windows-1252
    const { text } = await extractText({
      contentType: "text/plain; charset=windows-1252",
      body,
      url: "https://example.org/c",
    });
    expect(text).toBe("Café");
  });

  it("refuses a Word document with a clear reason", async () => {
    const request = {
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      body: encoder.encode("PK"),
      url: "https://example.org/minutes.docx",
    };
    await expect(extractText(request)).rejects.toThrowError(MinutesParseError);
    await expect(extractText(request)).rejects.toThrowError(/Unsupported document type .*wordprocessingml/);
  });

  it("refuses a document with no text", async () => {
    await expect(
      extractText({ contentType: "text/plain", body: encoder.encode("  \n "), url: "https://example.org/e" }),
    ).rejects.toThrowError(/No readable text/);
  });
});
