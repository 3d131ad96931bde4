import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  holidayDates,
  loadBankHolidaysFile,
  parseBankHolidays,
} from "../../../../src/features/concerns/domain/bank-holidays";

const referenceFile = path.resolve(import.meta.dirname, "../../../../reference/bank-holidays-england-and-wales.json");
const referenceText = readFileSync(referenceFile, "utf8");
const reference = parseBankHolidays(referenceText);
const dates = holidayDates(reference);

const dayOfWeek = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

describe("reference/bank-holidays-england-and-wales.json", () => {
  it("covers 2012 to 2028 with eight holidays a year, plus the special ones", () => {
    const perYear = new Map<string, number>();
    for (const date of dates) perYear.set(date.slice(0, 4), (perYear.get(date.slice(0, 4)) ?? 0) + 1);
    const expected = Object.fromEntries(
      Array.from({ length: 17 }, (_, i) => [String(2012 + i), 8]).concat([
        ["2012", 9],
        ["2022", 10],
        ["2023", 9],
      ]),
    );
    expect(Object.fromEntries(perYear)).toEqual(expected);
    expect(dates.size).toBe(reference.events.length);
  });

  it("never falls on a weekend and is in date order", () => {
    expect([...dates].filter((date) => [0, 6].includes(dayOfWeek(date)))).toEqual([]);
    const listed = reference.events.map((e) => e.date);
    expect(listed).toEqual([...listed].sort());
  });

  it.each([
    ["2026-12-25", "Christmas Day", ""],
    ["2026-12-28", "Boxing Day", "Substitute day"],
    ["2026-04-03", "Good Friday", ""],
    ["2026-04-06", "Easter Monday", ""],
    ["2026-05-04", "Early May bank holiday", ""],
    ["2026-05-25", "Spring bank holiday", ""],
    ["2026-08-31", "Summer bank holiday", ""],
    ["2027-12-27", "Christmas Day", "Substitute day"],
    ["2027-12-28", "Boxing Day", "Substitute day"],
    ["2012-06-04", "Spring bank holiday", "Substitute day"],
    ["2012-06-05", "Queen’s Diamond Jubilee", "Extra bank holiday"],
    ["2022-06-02", "Spring bank holiday", ""],
    ["2022-06-03", "Platinum Jubilee bank holiday", ""],
    ["2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II", ""],
    ["2023-05-08", "Bank holiday for the coronation of King Charles III", ""],
    ["2020-05-08", "Early May bank holiday (VE day)", ""],
    ["2012-01-02", "New Year’s Day", "Substitute day"],
    ["2022-12-27", "Christmas Day", "Substitute day"],
    ["2028-01-03", "New Year’s Day", "Substitute day"],
    ["2013-03-29", "Good Friday", ""],
  ])("has %s as %s", (date, title, notes) => {
    expect(reference.events.find((e) => e.date === date)).toMatchObject({ title, notes });
  });

  it("does not list the days that moved away", () => {
    for (const date of ["2012-05-28", "2022-05-30", "2020-05-04", "2026-12-26", "2027-12-25"]) {
      expect(dates.has(date)).toBe(false);
    }
  });

  it("is what the reminders read by default", async () => {
    expect(await loadBankHolidaysFile(referenceFile)).toEqual(dates);
  });
});

describe("parseBankHolidays", () => {
  const division = {
    division: "england-and-wales",
    events: [{ title: "Christmas Day", date: "2026-12-25", notes: "", bunting: true }],
  };

  it("accepts GOV.UK's whole file and picks England and Wales", () => {
    const whole = {
      "england-and-wales": division,
      scotland: {
        division: "scotland",
        events: [{ title: "St Andrew’s Day", date: "2026-11-30", notes: "", bunting: true }],
      },
      "northern-ireland": { division: "northern-ireland", events: [] },
    };
    expect(holidayDates(parseBankHolidays(whole))).toEqual(new Set(["2026-12-25"]));
    expect(holidayDates(parseBankHolidays(JSON.stringify(whole)))).toEqual(new Set(["2026-12-25"]));
  });

  it("accepts a single division object", () => {
    expect(parseBankHolidays(division).events).toHaveLength(1);
  });

  it("refuses the wrong division, bad dates and non-JSON", () => {
    expect(() => parseBankHolidays({ ...division, division: "scotland" })).toThrow(/Expected england-and-wales/);
    expect(() => parseBankHolidays({ scotland: division })).toThrow(/no "england-and-wales" division/);
    expect(() => parseBankHolidays({ ...division, events: [{ title: "X", date: "25/12/2026" }] })).toThrow();
    expect(() => parseBankHolidays("<html>")).toThrow(/not valid JSON/);
  });
});
