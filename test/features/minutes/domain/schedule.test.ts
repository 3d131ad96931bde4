import { describe, expect, it } from "vitest";
import {
  type DigestWindow,
  digestWindow,
  dueWindow,
  periodLabel,
  windowPeriod,
} from "../../../../src/features/minutes/domain/runs";
import type { DigestSchedule } from "../../../../src/features/minutes/domain/schedule";
import {
  describeSchedule,
  digestScheduleSchema,
  dueRuns,
  nextRun,
  parseScheduleCommand,
  parseStoredSchedule,
  periodOf,
} from "../../../../src/features/minutes/domain/schedule";

function schedule(command: string): DigestSchedule {
  const result = parseScheduleCommand(command);
  if (!result.ok) throw new Error(result.message);
  return result.schedule;
}

const at = (iso: string) => new Date(iso);
const runsAfter = (s: DigestSchedule, from: string, count: number) => {
  const runs: string[] = [];
  let cursor = at(from);
  for (let i = 0; i < count; i++) {
    cursor = nextRun(s, cursor);
    runs.push(cursor.toISOString());
  }
  return runs;
};

describe("parseScheduleCommand", () => {
  it("reads weekly, daily and monthly schedules, defaulting to Europe/London", () => {
    expect(parseScheduleCommand("weekly monday 09:00")).toEqual({
      ok: true,
      schedule: { frequency: "weekly", weekday: 1, time: "09:00", timeZone: "Europe/London" },
    });
    expect(schedule("daily 8:30")).toEqual({ frequency: "daily", time: "08:30", timeZone: "Europe/London" });
    expect(schedule("monthly 1 09:00")).toEqual({
      frequency: "monthly",
      dayOfMonth: 1,
      time: "09:00",
      timeZone: "Europe/London",
    });
    expect(schedule("Monthly last 17:30").dayOfMonth).toBe("last");
  });

  it("accepts short day names and an explicit time zone", () => {
    expect(schedule("weekly fri 16:00 Europe/London")).toEqual({
      frequency: "weekly",
      weekday: 5,
      time: "16:00",
      timeZone: "Europe/London",
    });
    expect(schedule("weekly Thurs 07:15 america/new_york").timeZone).toBe("America/New_York");
  });

  it.each([
    ["", /for example "weekly monday 09:00"/],
    ["fortnightly monday 09:00", /should start with daily, weekly or monthly/],
    ["weekly funday 09:00", /needs a day of the week, for example "weekly monday 09:00"/],
    ["weekly monday", /I need a time too.*"weekly monday 09:00"/],
    ["daily 25:00", /"25:00" isn't a time I can use.*"daily 08:30"/],
    ["monthly 31 09:00", /number from 1 to 28.*"monthly 1 09:00"/],
    ["weekly fri 16:00 Mars/Olympus", /don't know the time zone "Mars\/Olympus".*Europe\/London/],
    ["daily 08:30 Europe/London please", /didn't understand "please"/],
  ])("politely refuses %j with an example", (input, message) => {
    const result = parseScheduleCommand(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^(Sorry|Please)/);
      expect(result.message).toMatch(message);
    }
  });
});

describe("digestScheduleSchema", () => {
  it("accepts a stored schedule with a weekday name and fills in the time zone", () => {
    expect(digestScheduleSchema.parse({ frequency: "weekly", weekday: "Tuesday", time: "10:00" })).toEqual({
      frequency: "weekly",
      weekday: 2,
      time: "10:00",
      timeZone: "Europe/London",
    });
  });

  it("reads a stored schedule back, or null when it no longer validates", () => {
    expect(
      parseStoredSchedule({ frequency: "monthly", dayOfMonth: "last", time: "17:00", timeZone: "Europe/London" }),
    ).toEqual({
      frequency: "monthly",
      dayOfMonth: "last",
      time: "17:00",
      timeZone: "Europe/London",
    });
    expect(parseStoredSchedule({ frequency: "monthly", dayOfMonth: 30, time: "17:00" })).toBeNull();
  });

  it("rejects a weekly schedule without a weekday and a bad time zone", () => {
    expect(digestScheduleSchema.safeParse({ frequency: "weekly", time: "10:00" }).success).toBe(false);
    expect(
      digestScheduleSchema.safeParse({ frequency: "daily", time: "10:00", timeZone: "Nowhere/Land" }).success,
    ).toBe(false);
    expect(digestScheduleSchema.safeParse({ frequency: "daily", time: "9:00" }).success).toBe(false);
  });
});

describe("describeSchedule", () => {
  it("says when the digest is posted", () => {
    expect(describeSchedule(schedule("weekly monday 09:00"))).toBe("every Monday at 09:00 (Europe/London)");
    expect(describeSchedule(schedule("daily 08:30"))).toBe("every day at 08:30 (Europe/London)");
    expect(describeSchedule(schedule("monthly 1 09:00"))).toBe("on the 1st of every month at 09:00 (Europe/London)");
    expect(describeSchedule(schedule("monthly 22 09:00"))).toBe("on the 22nd of every month at 09:00 (Europe/London)");
    expect(describeSchedule(schedule("monthly last 17:00"))).toBe(
      "on the last day of every month at 17:00 (Europe/London)",
    );
  });
});

describe("nextRun across the 2026 clock changes in London", () => {
  it("keeps a Monday 09:00 digest at 09:00 local when the clocks go forward (29 March)", () => {
    expect(runsAfter(schedule("weekly monday 09:00"), "2026-03-20T12:00:00Z", 2)).toEqual([
      "2026-03-23T09:00:00.000Z", // 09:00 GMT
      "2026-03-30T08:00:00.000Z", // 09:00 BST
    ]);
  });

  it("keeps it at 09:00 local when the clocks go back (25 October)", () => {
    expect(runsAfter(schedule("weekly monday 09:00"), "2026-10-16T12:00:00Z", 2)).toEqual([
      "2026-10-19T08:00:00.000Z", // 09:00 BST
      "2026-10-26T09:00:00.000Z", // 09:00 GMT
    ]);
  });

  it("runs a daily 09:00 digest at 09:00 local on the changeover Sundays themselves", () => {
    expect(runsAfter(schedule("daily 09:00"), "2026-03-28T09:00:00Z", 2)).toEqual([
      "2026-03-29T08:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
    expect(runsAfter(schedule("daily 09:00"), "2026-10-24T08:00:00Z", 2)).toEqual([
      "2026-10-25T09:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
    ]);
  });

  it("still runs a daily 01:30 digest once on 29 March, when 01:30 does not exist", () => {
    expect(runsAfter(schedule("daily 01:30"), "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-28T01:30:00.000Z", // 01:30 GMT
      "2026-03-29T01:30:00.000Z", // 02:30 BST: the first moment after the missing hour's 01:30
      "2026-03-30T00:30:00.000Z", // 01:30 BST
    ]);
  });

  it("runs a daily 01:30 digest once on 25 October, when 01:30 happens twice", () => {
    const runs = runsAfter(schedule("daily 01:30"), "2026-10-24T00:00:00Z", 3);
    expect(runs.filter((r) => r.startsWith("2026-10-25"))).toHaveLength(1);
    expect(runs[0]).toBe("2026-10-24T00:30:00.000Z");
    expect(runs[2]).toBe("2026-10-26T01:30:00.000Z");
  });

  it("is strictly after the given instant", () => {
    expect(nextRun(schedule("daily 08:30"), at("2026-06-01T07:30:00Z")).toISOString()).toBe("2026-06-02T07:30:00.000Z");
  });
});

describe("monthly schedules", () => {
  it("runs on the given day, at local time through the spring change", () => {
    expect(runsAfter(schedule("monthly 1 09:00"), "2026-01-15T00:00:00Z", 4)).toEqual([
      "2026-02-01T09:00:00.000Z",
      "2026-03-01T09:00:00.000Z",
      "2026-04-01T08:00:00.000Z",
      "2026-05-01T08:00:00.000Z",
    ]);
  });

  it("runs on the last day of each month, including February", () => {
    expect(runsAfter(schedule("monthly last 17:00"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-01-31T17:00:00.000Z",
      "2026-02-28T17:00:00.000Z",
      "2026-03-31T16:00:00.000Z",
    ]);
  });
});

describe("periodOf", () => {
  it("gives a weekly period from one Monday run to the next, keyed by ISO week", () => {
    expect(periodOf(schedule("weekly monday 09:00"), at("2026-03-18T12:00:00Z"))).toEqual({
      key: "2026-W12",
      start: at("2026-03-16T09:00:00Z"),
      end: at("2026-03-23T09:00:00Z"),
      timeZone: "Europe/London",
    });
  });

  it("gives the week that spans the clock change a length of 7 days less an hour", () => {
    const period = periodOf(schedule("weekly monday 09:00"), at("2026-03-25T12:00:00Z"));
    expect(period.key).toBe("2026-W13");
    expect(period.end.getTime() - period.start.getTime()).toBe((7 * 24 - 1) * 3600_000);
  });

  it("keys daily periods by local date and monthly ones by month", () => {
    expect(periodOf(schedule("daily 08:30"), at("2026-03-29T10:00:00Z")).key).toBe("2026-03-29");
    expect(periodOf(schedule("daily 08:30"), at("2026-03-29T07:00:00Z")).key).toBe("2026-03-28");
    expect(periodOf(schedule("monthly 1 09:00"), at("2026-03-31T23:59:00Z"))).toMatchObject({
      key: "2026-03",
      start: at("2026-03-01T09:00:00Z"),
      end: at("2026-04-01T08:00:00Z"),
    });
  });

  it("starts a new period exactly at the run time", () => {
    expect(periodOf(schedule("weekly monday 09:00"), at("2026-03-23T09:00:00Z")).start).toEqual(
      at("2026-03-23T09:00:00Z"),
    );
  });
});

describe("dueRuns", () => {
  const weekly = schedule("weekly monday 09:00");

  it("after three missed weekly runs, posts one digest covering all three weeks", () => {
    const lastRunAt = at("2026-03-02T09:00:04Z");
    const due = dueRuns(weekly, lastRunAt, at("2026-03-25T15:00:00Z"));
    expect(due).toEqual({
      key: "2026-W12",
      start: at("2026-03-02T09:00:00Z"),
      end: at("2026-03-23T09:00:00Z"),
      runAt: at("2026-03-23T09:00:00Z"),
      missedRuns: 3,
      timeZone: "Europe/London",
    });
  });

  it("has nothing due once that digest is posted", () => {
    expect(dueRuns(weekly, at("2026-03-25T15:00:01Z"), at("2026-03-29T15:00:00Z"))).toBeNull();
  });

  it("is due exactly at the run time, for one period", () => {
    const due = dueRuns(weekly, at("2026-03-16T09:00:02Z"), at("2026-03-23T09:00:00Z"));
    expect(due).toMatchObject({ key: "2026-W12", start: at("2026-03-16T09:00:00Z"), missedRuns: 1 });
  });

  it("with no digest yet, covers the latest complete period", () => {
    expect(dueRuns(weekly, null, at("2026-03-25T15:00:00Z"))).toMatchObject({
      key: "2026-W12",
      start: at("2026-03-16T09:00:00Z"),
      end: at("2026-03-23T09:00:00Z"),
      missedRuns: 1,
    });
  });

  it("does not run twice for the daily 01:30 digest on the day the clocks go back", () => {
    const daily = schedule("daily 01:30");
    const first = dueRuns(daily, at("2026-10-24T00:30:00Z"), at("2026-10-25T01:45:00Z"));
    expect(first?.runAt).toEqual(at("2026-10-25T01:30:00Z"));
    expect(dueRuns(daily, at("2026-10-25T01:45:00Z"), at("2026-10-25T23:00:00Z"))).toBeNull();
  });
});

describe("digestWindow: the period a digest names", () => {
  const weekly = schedule("weekly monday 09:00");
  const label = (window: DigestWindow) => periodLabel(windowPeriod(window, "Europe/London"));

  it("names the same period for a preview and a post made at different times in one week", () => {
    const coveredUntil = at("2026-11-23T09:00:00Z");
    const preview = digestWindow(weekly, coveredUntil, at("2026-11-25T12:00:00Z"));
    const post = digestWindow(weekly, coveredUntil, at("2026-11-26T16:30:00Z"));
    expect(label(preview)).toBe("23–30 November 2026");
    expect(label(post)).toBe("23–30 November 2026");
    expect(post.period.key).toBe(preview.period.key);
    // What it covers is what has arrived so far.
    expect(post).toMatchObject({ from: coveredUntil, to: at("2026-11-26T16:30:00Z") });
  });

  it("names the same period as the scheduled digest of that week", () => {
    const coveredUntil = at("2026-11-23T09:00:00Z");
    const due = dueRuns(weekly, at("2026-11-23T09:00:00Z"), at("2026-11-30T09:00:00Z"));
    expect(due).not.toBeNull();
    const scheduled = dueWindow(due!, coveredUntil);
    expect(label(scheduled)).toBe(label(digestWindow(weekly, coveredUntil, at("2026-11-25T12:00:00Z"))));
    expect(scheduled.period.key).toBe("2026-W48");
  });

  it("after this week's digest went out early, names the next one from where that one ended", () => {
    const postedEarly = at("2026-11-26T16:30:00Z");
    const preview = digestWindow(weekly, postedEarly, at("2026-11-27T10:00:00Z"), true);
    expect(label(preview)).toBe("26 November – 7 December 2026");
    expect(preview.period.key).toBe("2026-W49");
  });
});
