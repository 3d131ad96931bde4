import { describe, expect, it } from "vitest";
import { parseDigestCommand } from "../../../../src/features/minutes/domain/command";

describe("/digest command text", () => {
  it("reads the three schedule forms, an optional time zone and the quiet option", () => {
    expect(parseDigestCommand("subscribe weekly monday 09:00")).toEqual({
      kind: "subscribe",
      quietNotes: false,
      schedule: { frequency: "weekly", weekday: 1, time: "09:00", timeZone: "Europe/London" },
      filter: { objectives: [], autonomyOnly: false },
    });
    expect(parseDigestCommand("subscribe daily 08:30 quiet")).toMatchObject({
      kind: "subscribe",
      quietNotes: true,
      schedule: { frequency: "daily", time: "08:30" },
    });
    expect(parseDigestCommand("subscribe monthly 1 09:00 Europe/Dublin")).toMatchObject({
      schedule: { frequency: "monthly", dayOfMonth: 1, timeZone: "Europe/Dublin" },
    });
  });

  it("answers an invalid schedule with an example of a valid one", () => {
    const cases = [
      "subscribe fortnightly",
      "subscribe weekly someday 09:00",
      "subscribe daily 25:00",
      "subscribe monthly 31 09:00",
      "subscribe",
    ];
    for (const text of cases) {
      const parsed = parseDigestCommand(text);
      expect(parsed.kind, text).toBe("invalid");
      expect(parsed.kind === "invalid" && parsed.message, text).toMatch(/for example|e\.g\.|`\/digest subscribe/);
    }
  });

  it("reads the other commands and the source commands, unwrapping Slack's link syntax", () => {
    for (const verb of ["status", "preview", "now", "unsubscribe", "resume", "sources", "help"])
      expect(parseDigestCommand(verb).kind).not.toBe("invalid");
    expect(parseDigestCommand("")).toEqual({ kind: "help" });
    expect(parseDigestCommand("source add <https://www.gov.uk/x.atom|www.gov.uk/x.atom>")).toEqual({
      kind: "source-add",
      url: "https://www.gov.uk/x.atom",
    });
    expect(parseDigestCommand("source remove #3")).toEqual({ kind: "source-remove", id: 3 });
    expect(parseDigestCommand("source remove three").kind).toBe("invalid");
    expect(parseDigestCommand("source add ftp://x").kind).toBe("invalid");
    expect(parseDigestCommand("status please").kind).toBe("invalid");
  });

  it("narrows a subscription to some objectives, or to what touches CCG autonomy", () => {
    const narrowed = (text: string) => {
      const parsed = parseDigestCommand(text);
      return parsed.kind === "subscribe" ? parsed.filter : parsed;
    };
    expect(narrowed("subscribe weekly monday 09:00 objectives 1,3")).toEqual({
      objectives: [1, 3],
      autonomyOnly: false,
    });
    expect(narrowed("subscribe weekly monday 09:00 objectives 3, 1")).toEqual({
      objectives: [1, 3],
      autonomyOnly: false,
    });
    expect(narrowed("subscribe weekly monday 09:00 objectives 2 4 quiet")).toEqual({
      objectives: [2, 4],
      autonomyOnly: false,
    });
    expect(narrowed("subscribe monthly 1 09:00 Europe/Dublin objective 2")).toEqual({
      objectives: [2],
      autonomyOnly: false,
    });
    expect(narrowed("subscribe weekly monday 09:00 autonomy")).toEqual({ objectives: [], autonomyOnly: true });
    expect(narrowed("subscribe daily 08:30 Objectives 1 Autonomy")).toEqual({ objectives: [1], autonomyOnly: true });
    expect(parseDigestCommand("subscribe monthly 1 09:00 objectives 1,3")).toMatchObject({
      schedule: { frequency: "monthly", dayOfMonth: 1, time: "09:00" },
    });
    for (const text of [
      "subscribe weekly monday 09:00 objectives",
      "subscribe weekly monday 09:00 objectives 5",
      "subscribe weekly monday 09:00 objectives 0,2",
    ]) {
      const parsed = parseDigestCommand(text);
      expect(parsed.kind, text).toBe("invalid");
      expect(parsed.kind === "invalid" && parsed.message, text).toContain("numbered 1 to 4");
    }
  });

  it("reads muting and unmuting a source for the channel", () => {
    expect(parseDigestCommand("source mute 2")).toEqual({ kind: "source-mute", id: 2 });
    expect(parseDigestCommand("source unmute #2")).toEqual({ kind: "source-unmute", id: 2 });
    expect(parseDigestCommand("source mute").kind).toBe("invalid");
    expect(parseDigestCommand("source mute all").kind).toBe("invalid");
  });
});

describe("/digest subscribe without a time", () => {
  it("uses the default time given, and still asks for one without it", () => {
    expect(parseDigestCommand("subscribe weekly monday", { defaultTime: "07:30" })).toMatchObject({
      kind: "subscribe",
      schedule: { frequency: "weekly", weekday: 1, time: "07:30", timeZone: "Europe/London" },
    });
    expect(parseDigestCommand("subscribe weekly monday 10:00", { defaultTime: "07:30" })).toMatchObject({
      schedule: { time: "10:00" },
    });
    expect(parseDigestCommand("subscribe daily quiet", { defaultTime: "07:30" })).toMatchObject({
      quietNotes: true,
      schedule: { frequency: "daily", time: "07:30" },
    });
    expect(parseDigestCommand("subscribe weekly monday")).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("I need a time too"),
    });
  });
});
