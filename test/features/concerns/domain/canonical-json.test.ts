import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../../src/features/concerns/domain/canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every level so property order does not change a hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("writes dates as ISO strings and treats a missing field and a NULL column alike", () => {
    const at = new Date("2012-04-23T09:30:00Z");
    expect(canonicalJson({ at, note: null, from: undefined })).toBe('{"at":"2012-04-23T09:30:00.000Z"}');
    expect(canonicalJson({ at: at.toISOString() })).toBe(canonicalJson({ at }));
  });

  it("refuses values JSON cannot carry faithfully", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
