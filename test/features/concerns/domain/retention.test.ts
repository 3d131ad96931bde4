import { describe, expect, it } from "vitest";
import { purgeCutoff, selectForPurge } from "../../../../src/features/concerns/domain/retention";

describe("purgeCutoff", () => {
  it("is the start of the London day three years earlier", () => {
    // 1 August 2026 10:00 BST -> midnight BST on 1 August 2023, i.e. 23:00 UTC on 31 July.
    expect(purgeCutoff(new Date("2026-08-01T09:00:00Z"))).toEqual(new Date("2023-07-31T23:00:00Z"));
    expect(purgeCutoff(new Date("2026-01-15T12:00:00Z"), 6)).toEqual(new Date("2020-01-15T00:00:00Z"));
  });

  it("refuses a retention that is not a whole number of years", () => {
    expect(() => purgeCutoff(new Date("2026-01-15T12:00:00Z"), 0)).toThrow(RangeError);
    expect(() => purgeCutoff(new Date("2026-01-15T12:00:00Z"), 2.5)).toThrow(RangeError);
  });
});

describe("selectForPurge", () => {
  const cutoff = new Date("2023-08-01T00:00:00Z");
  const old = new Date("2020-03-01T10:00:00Z");
  const concerns = [
    { reference: 1, status: "resolved" as const, createdAt: old, resolvedAt: new Date("2021-01-01T10:00:00Z") },
    { reference: 2, status: "resolved" as const, createdAt: old, resolvedAt: new Date("2024-01-01T10:00:00Z") },
    { reference: 3, status: "acknowledged" as const, createdAt: old, resolvedAt: null },
    { reference: 4, status: "new" as const, createdAt: old, resolvedAt: null },
    { reference: 5, status: "new" as const, createdAt: new Date("2025-01-01T10:00:00Z"), resolvedAt: null },
    { reference: 6, status: "resolved" as const, createdAt: old, resolvedAt: null },
  ];

  it("purges concerns resolved before the cutoff, counting from resolution", () => {
    expect(selectForPurge(concerns, cutoff).purge.map((c) => c.reference)).toEqual([1]);
  });

  it("never purges open concerns, but flags old ones (and undated resolutions) for a lead", () => {
    expect(selectForPurge(concerns, cutoff).needsReview.map((c) => c.reference)).toEqual([3, 4, 6]);
  });
});
