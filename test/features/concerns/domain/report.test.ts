import { describe, expect, it } from "vitest";
import { financialYearOf, parseQuarter, quarterOf } from "../../../../src/features/concerns/domain/quarters";
import { reportMarkdown } from "../../../../src/features/concerns/domain/report/render";
import { buildConcernReport, median } from "../../../../src/features/concerns/domain/report/report";
import { countText, suppressTable } from "../../../../src/features/concerns/domain/report/suppression";
import { themesOf } from "../../../../src/features/concerns/domain/report/themes";

describe("quarters", () => {
  it("are calendar quarters in London time, named as the NHS financial year would place them", () => {
    const q1 = parseQuarter("2013Q1");
    expect(q1).toMatchObject({ key: "2013Q1", start: new Date("2013-01-01T00:00:00Z") });
    expect(q1?.end).toEqual(new Date("2013-03-31T23:00:00Z"));
    expect(parseQuarter("Q3 2013")?.start).toEqual(new Date("2013-06-30T23:00:00Z"));
    expect(parseQuarter("2013-q4")?.key).toBe("2013Q4");
    expect(parseQuarter("2013Q0")).toBeNull();
    expect(quarterOf(new Date("2013-03-31T23:30:00Z")).key).toBe("2013Q2");
    expect(financialYearOf(parseQuarter("2013Q1")!)).toBe("2012/13");
    expect(financialYearOf(parseQuarter("2013Q2")!)).toBe("2013/14");
  });
});

describe("small-number suppression", () => {
  const hiddenIn = (table: ReturnType<typeof suppressTable>, line: "row" | "column", i: number) =>
    (line === "row" ? (table[i] ?? []) : table.map((row) => row[i])).filter((cell) => cell?.kind !== "exact").length;

  it("shows 1 to 4 as 'fewer than 5', keeps 0 and 5 or more, and leaves no row or column with one hidden count", () => {
    const values = [
      [0, 2, 5, 7],
      [0, 0, 0, 0],
      [3, 0, 0, 3],
      [6, 5, 9, 20],
      [9, 7, 14, 30],
    ];
    const table = suppressTable(values);
    // The second count hidden in a line is one that also completes another line where it can (here the 7).
    expect(table.map((row) => row.map(countText))).toEqual([
      ["0", "fewer than 5", "5", "not shown"],
      ["0", "0", "0", "0"],
      ["fewer than 5", "0", "0", "fewer than 5"],
      ["not shown", "not shown", "9", "20"],
      ["9", "7", "14", "30"],
    ]);
    for (let i = 0; i < values.length; i++) expect([0, 2, 3, 4]).toContain(hiddenIn(table, "row", i));
    for (let i = 0; i < 4; i++) expect([0, 2, 3, 4, 5]).toContain(hiddenIn(table, "column", i));
  });

  it("hides the total of a list that would give its one small count away", () => {
    expect(suppressTable([[6, 1, 7]])[0]?.map(countText)).toEqual(["not shown", "fewer than 5", "7"]);
    expect(suppressTable([[0, 1, 1]])[0]?.map(countText)).toEqual(["0", "fewer than 5", "fewer than 5"]);
  });
});

describe("themes of the resolution notes", () => {
  it("counts words and pairs once per concern, leaves out common words, and lists only those at least 5 use", () => {
    const notes = [
      "We raised the regional framework with the area team.",
      "The regional framework was withdrawn after we raised it.",
      "Regional frameworks are advisory: the area team agreed.",
      "The area team's regional framework no longer binds CCGs.",
      "Regional framework: decision returned to the governing body.",
      "Nothing in common here.",
    ];
    expect(themesOf(notes)).toEqual([{ theme: "regional framework", count: 5 }]);
    expect(themesOf(notes, 3)).toEqual([
      { theme: "regional framework", count: 5 },
      { theme: "area team", count: 3 },
    ]);
  });
});

describe("the report", () => {
  it("says which quarter and why, suppresses small counts, and withholds a median of fewer than 5 concerns", () => {
    const quarter = parseQuarter("2013Q1")!;
    const raised = new Date("2013-01-07T10:00:00Z");
    const report = buildConcernReport({
      quarter,
      generatedAt: new Date("2013-04-02T10:00:00Z"),
      concerns: [1, 2, 3].map(() => ({
        objective: 1 as const,
        status: "acknowledged" as const,
        createdAt: raised,
        acknowledgedAt: new Date("2013-01-08T10:00:00Z"),
        resolvedAt: null,
        resolutionNote: null,
        outcome: null,
      })),
      checkins: [{ clear: "yes", again: "unsure" }],
      holidays: new Set(),
      acknowledgeTarget: 2,
      leftOut: false,
    });
    const md = reportMarkdown(report);
    expect(md).toContain("2013Q1 is a calendar quarter; in NHS financial-year terms it is quarter 4 of 2012/13.");
    expect(md).toContain("**Concerns raised:** fewer than 5");
    expect(md).toContain("Acknowledged: the median is not shown, as fewer than 5 concerns give it");
    expect(md).toContain("Yes: fewer than 5; Partly: 0; No: 0; Answers: fewer than 5");
    expect(md).toContain("Yes: 0; Not sure: fewer than 5; No: 0; Answers: fewer than 5");
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
