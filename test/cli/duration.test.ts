import { describe, expect, it } from "vitest";
import { parseSince, UsageError } from "../../src/cli/duration";

const now = new Date("2026-11-23T12:00:00Z");

describe("parseSince", () => {
  it("reads hours, days, weeks and months", () => {
    expect(parseSince("24h", now).toISOString()).toBe("2026-11-22T12:00:00.000Z");
    expect(parseSince("7d", now).toISOString()).toBe("2026-11-16T12:00:00.000Z");
    expect(parseSince("2w", now).toISOString()).toBe("2026-11-09T12:00:00.000Z");
    expect(parseSince("1m", now).toISOString()).toBe("2026-10-23T12:00:00.000Z");
  });

  it("says what it expects for anything else", () => {
    expect(() => parseSince("last week", now)).toThrow(UsageError);
    expect(() => parseSince("last week", now)).toThrow(/like 24h, 7d, 2w or 3m/);
  });
});
