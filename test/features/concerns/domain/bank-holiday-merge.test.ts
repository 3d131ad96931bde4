import { describe, expect, it } from "vitest";
import { mergeBankHolidays } from "../../../../src/features/concerns/domain/bank-holidays";

const event = (date: string, title = "Bank holiday") => ({ date, title, notes: "", bunting: true });

describe("mergeBankHolidays", () => {
  it("adds new dates, updates renamed ones and keeps dates GOV.UK no longer lists, in date order", () => {
    const kept = { division: "england-and-wales", events: [event("2012-01-02"), event("2026-05-04", "Early May")] };
    const fresh = {
      division: "england-and-wales",
      events: [event("2027-01-01", "New Year"), event("2026-05-04", "Early May bank holiday")],
    };
    const merged = mergeBankHolidays(kept, fresh);
    expect(merged.added).toEqual(["2027-01-01"]);
    expect(merged.changed).toEqual(["2026-05-04"]);
    expect(merged.division.events.map((e) => e.date)).toEqual(["2012-01-02", "2026-05-04", "2027-01-01"]);
    expect(merged.division.events[1]?.title).toBe("Early May bank holiday");
  });
});
