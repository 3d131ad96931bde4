import { describe, expect, it } from "vitest";
import { type ConcernExportRow, concernsToCsv } from "../../../../src/features/concerns/domain/export-csv";

const base: ConcernExportRow = {
  reference: 42,
  createdAt: new Date("2012-06-25T10:15:00Z"),
  status: "acknowledged",
  objective: 1,
  body: "nhs_commissioning_board",
  impact: "high",
  reporter: { mode: "named", userId: "U123", name: "Priya Shah" },
  supporterCount: 3,
  summary: "The Board chose our community provider for us.",
  sourcePermalink: "https://example.slack.com/archives/C1/p1",
};

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\n");

describe("concernsToCsv", () => {
  it("writes the header and one row per concern, with a BOM for Excel", () => {
    const csv = concernsToCsv([base], { viewer: "lead" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines(csv)).toEqual([
      "Reference,Created,Status,Objective,Body,Impact,Identity mode,Reporter,Supporters,Summary,Source permalink",
      "CON-0042,2012-06-25T10:15:00.000Z,acknowledged,1. Transferring power to local organisations," +
        "NHS Commissioning Board,High,named,Priya Shah (U123),3,The Board chose our community provider for us.," +
        "https://example.slack.com/archives/C1/p1",
    ]);
  });

  it("names confidential reporters to leads only, and anonymous reporters to no one", () => {
    const rows: ConcernExportRow[] = [
      { ...base, reporter: { mode: "confidential", userId: "U9", name: "Sam Lee" } },
      { ...base, reference: 43, reporter: { mode: "anonymous" } },
    ];
    const forLead = lines(concernsToCsv(rows, { viewer: "lead" }));
    expect(forLead[1]).toContain(",confidential,confidential: Sam Lee (U9),");
    expect(forLead[2]).toContain(",anonymous,anonymous,");
    const forStaff = concernsToCsv(rows, { viewer: "staff" });
    expect(forStaff).not.toContain("Sam Lee");
    expect(forStaff).not.toContain("U9");
  });

  it("leaves the permalink empty when the source was not stored", () => {
    const [, row] = lines(concernsToCsv([{ ...base, sourcePermalink: null }], { viewer: "lead" }));
    expect(row?.endsWith("provider for us.,")).toBe(true);
  });

  it("defuses cells that a spreadsheet would run as formulas", () => {
    const rows: ConcernExportRow[] = [
      { ...base, summary: '=HYPERLINK("http://evil","click")' },
      { ...base, summary: "+1 the senate", reporter: { mode: "named", userId: "U1", name: "@admin" } },
      { ...base, summary: "-2 budget", supporterCount: 0 },
    ];
    const [, first, second, third] = lines(concernsToCsv(rows, { viewer: "lead" }));
    expect(first).toContain(`,"'=HYPERLINK(""http://evil"",""click"")",`);
    expect(second).toContain(",'+1 the senate,");
    expect(second).toContain(",'@admin (U1),");
    expect(third).toContain(",0,'-2 budget,");
  });

  it("quotes commas, quotes and line breaks in the summary", () => {
    const summary = 'They said "we decide", and\nthat was that.';
    const csv = concernsToCsv([{ ...base, summary }], { viewer: "lead" });
    expect(csv).toContain('"They said ""we decide"", and\nthat was that."');
  });

  it("keeps very long summaries within a spreadsheet cell", () => {
    const csv = concernsToCsv([{ ...base, summary: "x".repeat(40_000) }], { viewer: "lead" });
    const cell = /,(x+ \[…\]),/.exec(csv)?.[1] ?? "";
    expect(cell.length).toBe(32_000);
  });
});
