import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AnonymousRateLimiter } from "../../../../src/features/concerns/domain/anonymous-rate-limit";

const HOUR = 60 * 60 * 1000;
const t0 = Date.parse("2026-06-01T09:00:00Z");
const at = (hours: number) => new Date(t0 + hours * HOUR);

describe("AnonymousRateLimiter", () => {
  it("allows three anonymous submissions a day, then says when to try again", () => {
    const limiter = new AnonymousRateLimiter();
    expect(limiter.check("U1", at(0))).toEqual({ allowed: true });
    expect(limiter.check("U1", at(1))).toEqual({ allowed: true });
    expect(limiter.check("U1", at(2))).toEqual({ allowed: true });
    expect(limiter.check("U1", at(3))).toEqual({ allowed: false, retryAt: at(24) });
    expect(limiter.check("U1", at(23.9))).toMatchObject({ allowed: false });
    expect(limiter.check("U1", at(24.01))).toEqual({ allowed: true });
  });

  it("keeps people apart", () => {
    const limiter = new AnonymousRateLimiter({ limit: 1 });
    expect(limiter.check("U1", at(0)).allowed).toBe(true);
    expect(limiter.check("U2", at(0)).allowed).toBe(true);
    expect(limiter.check("U1", at(1)).allowed).toBe(false);
  });

  it("does not reset when the key rotates", () => {
    const limiter = new AnonymousRateLimiter({ limit: 2 });
    // 14:00 and 23:00 UTC on 1 June, then just after the daily rotation at 00:00 UTC.
    expect(limiter.check("U1", at(5)).allowed).toBe(true);
    expect(limiter.check("U1", at(14)).allowed).toBe(true);
    expect(limiter.check("U1", at(15.5))).toEqual({ allowed: false, retryAt: at(29) });
    expect(limiter.check("U1", at(29.01)).allowed).toBe(true);
  });

  it("is configurable", () => {
    const limiter = new AnonymousRateLimiter({ limit: 1, windowMs: HOUR, keyRotationMs: 24 * HOUR });
    expect(limiter.check("U1", at(0)).allowed).toBe(true);
    expect(limiter.check("U1", at(0.5))).toEqual({ allowed: false, retryAt: at(1) });
    expect(limiter.check("U1", at(1.01)).allowed).toBe(true);
    expect(() => new AnonymousRateLimiter({ windowMs: 48 * HOUR })).toThrow(RangeError);
    expect(() => new AnonymousRateLimiter({ limit: 0 })).toThrow(RangeError);
  });

  it("never holds the raw user id", () => {
    const limiter = new AnonymousRateLimiter();
    limiter.check("U0SECRET42", at(0));
    limiter.check("U0SECRET42", at(30));
    const everything = inspect(limiter, { depth: Infinity, showHidden: true, maxArrayLength: Infinity });
    expect(everything).not.toContain("U0SECRET42");
    expect(everything).toMatch(/submissions/);
  });

  it("forgets old periods so memory does not grow", () => {
    const limiter = new AnonymousRateLimiter();
    for (let day = 0; day < 10; day++) limiter.check(`U${day}`, at(day * 24));
    const epochs = inspect(limiter, { depth: 1 }).match(/\d+ => /g) ?? [];
    expect(epochs).toHaveLength(2);
  });
});
