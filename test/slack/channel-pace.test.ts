import { describe, expect, it } from "vitest";
import { ChannelPace } from "../../src/slack/channel-pace";

const T0 = 1_000_000;

describe("keeping to Slack's pace in a channel", () => {
  it("lets every post go at once in a channel Slack has not refused", () => {
    const pace = new ChannelPace();
    const slots = Array.from({ length: 10 }, (_, n) => pace.slotFor("C1", `row-${n}`, T0));
    expect(slots.every((slot) => slot === T0)).toBe(true);
  });

  it("after a 429, holds the channel for its Retry-After, then lets one post a second go, in the order put off", () => {
    const pace = new ChannelPace(1_000, 3);
    expect(pace.refused("C1", "card-1", 2_000, T0)).toBe(T0 + 2_000);
    const later = ["card-2", "card-3", "card-4"].map((key) => pace.slotFor("C1", key, T0 + 100));
    expect(later).toEqual([T0 + 3_000, T0 + 4_000, T0 + 5_000]);
    expect(pace.slotFor("C2", "dm-1", T0 + 100)).toBe(T0 + 100);
  });

  it("keeps the time it gave a post until that post comes back for it, and lets it go then", () => {
    const pace = new ChannelPace(1_000, 3);
    pace.refused("C1", "card-1", 1_000, T0);
    const slot = pace.slotFor("C1", "card-2", T0);
    expect(pace.slotFor("C1", "card-2", T0 + 500)).toBe(slot);
    expect(pace.slotFor("C1", "card-1", T0 + 1_000)).toBe(T0 + 1_000);
    expect(pace.slotFor("C1", "card-2", slot)).toBe(slot);
    expect(pace.slotFor("C1", "card-3", slot)).toBeGreaterThan(slot);
  });

  it("frees a channel whose schedule has been idle for a minute", () => {
    const pace = new ChannelPace(1_000, 3, 60_000);
    pace.refused("C1", "card-1", 1_000, T0);
    expect(pace.slotFor("C1", "card-2", T0)).toBeGreaterThan(T0);
    const muchLater = T0 + 5 * 60_000;
    const slots = ["card-3", "card-4", "card-5", "card-6"].map((key) => pace.slotFor("C1", key, muchLater));
    expect(slots.every((slot) => slot === muchLater)).toBe(true);
  });
});

describe("a post that comes back late for its turn", () => {
  it("still goes a full interval after the post before it in the channel", () => {
    const pace = new ChannelPace(1_000, 3);
    pace.refused("C1", "card-1", 1_000, T0);
    const second = pace.slotFor("C1", "card-2", T0);
    // The first comes back 700 ms late, the second on time: it waits for a second after the first.
    expect(pace.slotFor("C1", "card-1", T0 + 1_700)).toBe(T0 + 1_700);
    expect(second).toBeLessThan(T0 + 2_700);
    expect(pace.slotFor("C1", "card-2", second)).toBe(T0 + 2_700);
    expect(pace.slotFor("C1", "card-2", T0 + 2_700)).toBe(T0 + 2_700);
  });
});
