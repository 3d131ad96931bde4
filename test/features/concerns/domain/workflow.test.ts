import { describe, expect, it } from "vitest";
import { availableActions, transition } from "../../../../src/features/concerns/domain/workflow";

describe("transition", () => {
  it("follows new -> acknowledged -> resolved", () => {
    expect(transition("new", "acknowledge")).toEqual({ ok: true, to: "acknowledged" });
    expect(transition("acknowledged", "resolve")).toEqual({ ok: true, to: "resolved" });
  });

  it("reopens a resolved concern as acknowledged, not new", () => {
    expect(transition("resolved", "reopen")).toEqual({ ok: true, to: "acknowledged" });
  });

  it("lets notes be added at any stage without changing the status", () => {
    for (const status of ["new", "acknowledged", "resolved"] as const) {
      expect(transition(status, "note")).toEqual({ ok: true, to: status });
    }
  });

  it("explains refusals using the concern's reference", () => {
    expect(transition("resolved", "resolve", 42)).toEqual({ ok: false, reason: "CON-0042 is already resolved." });
    expect(transition("acknowledged", "acknowledge", 7)).toEqual({
      ok: false,
      reason: "CON-0007 is already acknowledged.",
    });
    expect(transition("new", "reopen", 42)).toEqual({
      ok: false,
      reason: "CON-0042 is still open, so there is nothing to reopen.",
    });
  });

  it("requires an acknowledgement before resolving", () => {
    const result = transition("new", "resolve", 42);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^CON-0042 has not been acknowledged yet/);
  });

  it("asks to reopen before acknowledging a resolved concern", () => {
    expect(transition("resolved", "acknowledge")).toEqual({
      ok: false,
      reason: "This concern is already resolved. Reopen it first if there is more to do.",
    });
  });
});

describe("availableActions", () => {
  it("lists what a lead can do at each stage", () => {
    expect(availableActions("new")).toEqual(["acknowledge", "note"]);
    expect(availableActions("acknowledged")).toEqual(["resolve", "note"]);
    expect(availableActions("resolved")).toEqual(["reopen", "note"]);
  });
});
