import { describe, expect, it } from "vitest";
import { reminderDue } from "../../../../src/features/concerns/domain/reminders";

const holidays = new Set(["2026-05-04", "2026-05-25"]);
// Thursday 30 April 2026, 15:00 BST. Two working days later (Monday 4 May is a bank holiday): Tuesday 5 May 15:00 BST.
const createdAt = new Date("2026-04-30T14:00:00Z");
const fresh = { createdAt, status: "new" as const, lastReminderAt: null };

describe("reminderDue", () => {
  it("waits two working days, skipping the weekend and the bank holiday", () => {
    expect(reminderDue(fresh, new Date("2026-05-04T14:00:00Z"), holidays)).toBe(false);
    expect(reminderDue(fresh, new Date("2026-05-05T13:59:00Z"), holidays)).toBe(false);
    expect(reminderDue(fresh, new Date("2026-05-05T14:00:00Z"), holidays)).toBe(true);
  });

  it("honours a different number of working days", () => {
    expect(reminderDue(fresh, new Date("2026-05-01T14:00:00Z"), holidays, 1)).toBe(true);
    expect(reminderDue(fresh, new Date("2026-05-05T14:00:00Z"), holidays, 3)).toBe(false);
  });

  it("is not due once the concern is acknowledged or resolved", () => {
    const later = new Date("2026-05-12T10:00:00Z");
    expect(reminderDue({ ...fresh, status: "acknowledged" }, later, holidays)).toBe(false);
    expect(reminderDue({ ...fresh, status: "resolved" }, later, holidays)).toBe(false);
  });

  it("reminds at most once per London day", () => {
    const sentThisMorning = { ...fresh, lastReminderAt: new Date("2026-05-06T08:00:00Z") };
    expect(reminderDue(sentThisMorning, new Date("2026-05-06T16:00:00Z"), holidays)).toBe(false);
    expect(reminderDue(sentThisMorning, new Date("2026-05-07T08:00:00Z"), holidays)).toBe(true);
  });

  it("uses the London date: 23:30 UTC after a reminder at 00:30 BST is the same day", () => {
    const sentJustAfterMidnight = { ...fresh, lastReminderAt: new Date("2026-05-06T23:30:00Z") }; // 7 May 00:30 BST
    expect(reminderDue(sentJustAfterMidnight, new Date("2026-05-07T22:00:00Z"), holidays)).toBe(false); // 7 May 23:00 BST
    expect(reminderDue(sentJustAfterMidnight, new Date("2026-05-07T23:30:00Z"), holidays)).toBe(true); // 8 May 00:30 BST
  });

  it("does not nudge anyone on a weekend or bank holiday", () => {
    expect(reminderDue(fresh, new Date("2026-05-09T10:00:00Z"), holidays)).toBe(false);
    expect(reminderDue(fresh, new Date("2026-05-25T10:00:00Z"), holidays)).toBe(false);
  });
});
