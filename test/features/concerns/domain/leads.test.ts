import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { LeadDirectory } from "../../../../src/features/concerns/domain/leads";

describe("LeadDirectory", () => {
  it("knows leads named in config and members of the lead group, looked up at most every five minutes", async () => {
    const clock = new ManualClock(new Date("2026-03-16T09:00:00Z"));
    const lookups: string[] = [];
    let members = ["U0GROUP1"];
    const leads = new LeadDirectory({
      leads: ["U0NAMED1"],
      group: "S0LEADS",
      clock,
      members: async (group) => {
        lookups.push(group);
        return members;
      },
    });
    expect(await leads.isLead("T1", "U0NAMED1")).toBe(true);
    expect(await Promise.all([leads.isLead("T1", "U0GROUP1"), leads.isLead("T1", "U0OTHER1")])).toEqual([true, false]);
    expect(lookups).toEqual(["S0LEADS"]);
    members = ["U0OTHER1"];
    clock.advance(4 * 60_000);
    expect(await leads.isLead("T1", "U0OTHER1")).toBe(false);
    clock.advance(2 * 60_000);
    expect(await leads.isLead("T1", "U0OTHER1")).toBe(true);
    expect(await leads.isLead("T1", "U0GROUP1")).toBe(false);
  });

  it("keeps the last known members when a lookup fails, and trusts nobody from the group before any lookup worked", async () => {
    const clock = new ManualClock(new Date("2026-03-16T09:00:00Z"));
    const errors: unknown[] = [];
    let fail = true;
    const leads = new LeadDirectory({
      leads: [],
      group: "S0LEADS",
      clock,
      members: async () => {
        if (fail) throw new Error("ratelimited");
        return ["U0GROUP1"];
      },
      onError: (error) => errors.push(error),
    });
    expect(await leads.isLead("T1", "U0GROUP1")).toBe(false);
    fail = false;
    expect(await leads.isLead("T1", "U0GROUP1")).toBe(true);
    fail = true;
    clock.advance(10 * 60_000);
    expect(await leads.isLead("T1", "U0GROUP1")).toBe(true);
    expect(errors).toHaveLength(2);
  });

  it("has no leads without config, and no group lookups without Slack", async () => {
    const clock = new ManualClock(new Date());
    const none = new LeadDirectory({ leads: [], group: null, clock, members: null });
    expect(none.configured).toBe(false);
    expect(await none.isLead("T1", "U0ANYONE")).toBe(false);
    const cli = new LeadDirectory({ leads: [], group: "S0LEADS", clock, members: null });
    expect(await cli.isLead("T1", "U0ANYONE")).toBe(false);
  });
});
