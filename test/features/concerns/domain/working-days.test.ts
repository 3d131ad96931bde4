import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { holidayDates, parseBankHolidays } from "../../../../src/features/concerns/domain/bank-holidays";
import {
  addWorkingDays,
  calendarDate,
  isWorkingDay,
  workingDaysBetween,
} from "../../../../src/features/concerns/domain/working-days";

const holidays = holidayDates(
  parseBankHolidays(
    readFileSync(path.resolve(process.cwd(), "reference/bank-holidays-england-and-wales.json"), "utf8"),
  ),
);
const at = (iso: string) => new Date(iso);

describe("isWorkingDay", () => {
  it("skips weekends and bank holidays", () => {
    expect(isWorkingDay(at("2026-12-24T10:00:00Z"), holidays)).toBe(true);
    expect(isWorkingDay(at("2026-12-25T10:00:00Z"), holidays)).toBe(false);
    expect(isWorkingDay(at("2026-12-26T10:00:00Z"), holidays)).toBe(false);
    expect(isWorkingDay(at("2026-12-28T10:00:00Z"), holidays)).toBe(false);
    expect(isWorkingDay(at("2026-12-29T10:00:00Z"), holidays)).toBe(true);
  });

  it("judges the day by the London calendar, not UTC", () => {
    // 23:30 UTC on Sunday 28 June 2026 is 00:30 on Monday in London (BST).
    expect(isWorkingDay(at("2026-06-28T23:30:00Z"), holidays)).toBe(true);
    expect(isWorkingDay(at("2026-06-28T23:30:00Z"), holidays, "UTC")).toBe(false);
    // 23:30 UTC on Friday 1 May is already Saturday in London.
    expect(calendarDate(at("2026-05-01T23:30:00Z"))).toBe("2026-05-02");
  });
});

describe("addWorkingDays", () => {
  it("crosses a weekend keeping the London time of day", () => {
    expect(addWorkingDays(at("2026-03-06T16:00:00Z"), 1, holidays)).toEqual(at("2026-03-09T16:00:00Z"));
  });

  it("skips Easter 2026 (Good Friday 3 April, Easter Monday 6 April)", () => {
    // Thursday 2 April 10:00 BST + 1 working day = Tuesday 7 April 10:00 BST.
    expect(addWorkingDays(at("2026-04-02T09:00:00Z"), 1, holidays)).toEqual(at("2026-04-07T09:00:00Z"));
  });

  it("skips Christmas 2027 with both substitute days", () => {
    // Friday 24 December 2027 + 2 working days: Wed 29 is the first (27 and 28 are substitutes), Thu 30 the second.
    expect(addWorkingDays(at("2027-12-24T12:00:00Z"), 2, holidays)).toEqual(at("2027-12-30T12:00:00Z"));
  });

  it("keeps local time across the change to summer time", () => {
    // Friday 27 March 2026 09:00 GMT + 1 working day = Monday 30 March 09:00 BST (08:00 UTC).
    expect(addWorkingDays(at("2026-03-27T09:00:00Z"), 1, holidays)).toEqual(at("2026-03-30T08:00:00Z"));
  });

  it("starts counting from the next working day when begun on a weekend", () => {
    expect(addWorkingDays(at("2026-03-07T10:00:00Z"), 1, holidays)).toEqual(at("2026-03-09T10:00:00Z"));
  });

  it("goes backwards for negative numbers and does nothing for zero", () => {
    expect(addWorkingDays(at("2026-05-26T10:00:00Z"), -1, holidays)).toEqual(at("2026-05-22T10:00:00Z"));
    expect(addWorkingDays(at("2026-05-25T10:00:00Z"), 0, holidays)).toEqual(at("2026-05-25T10:00:00Z"));
    expect(() => addWorkingDays(at("2026-05-25T10:00:00Z"), 1.5, holidays)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the start date up to the end date", () => {
    expect(workingDaysBetween(at("2026-03-06T16:00:00Z"), at("2026-03-09T08:00:00Z"), holidays)).toBe(1);
    expect(workingDaysBetween(at("2026-03-09T08:00:00Z"), at("2026-03-09T17:00:00Z"), holidays)).toBe(0);
    expect(workingDaysBetween(at("2026-03-02T09:00:00Z"), at("2026-03-13T09:00:00Z"), holidays)).toBe(9);
  });

  it("leaves out the August bank holiday and both Christmas days", () => {
    expect(workingDaysBetween(at("2026-08-28T09:00:00Z"), at("2026-09-01T09:00:00Z"), holidays)).toBe(1);
    expect(workingDaysBetween(at("2026-12-24T09:00:00Z"), at("2026-12-31T09:00:00Z"), holidays)).toBe(3);
  });

  it("is negative when the end is earlier", () => {
    expect(workingDaysBetween(at("2026-03-09T08:00:00Z"), at("2026-03-06T16:00:00Z"), holidays)).toBe(-1);
  });
});
