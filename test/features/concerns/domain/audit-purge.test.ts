import { describe, expect, it } from "vitest";
import {
  type AuditEntry,
  appendEntry,
  hashEntry,
  verifyChain,
} from "../../../../src/features/concerns/domain/audit-chain";
import { planAuditPurge } from "../../../../src/features/concerns/domain/audit-purge";
import { buildChain } from "./audit-fixtures";

const purgeAt = { at: new Date("2017-05-02T02:00:00Z"), cutoff: new Date("2014-05-01T23:00:00Z") };

// CON-0001 and CON-0003 are purged; CON-0002 (interleaved) stays.
const chain = buildChain([
  ["CON-0001", "submit"],
  ["CON-0002", "submit"],
  ["CON-0001", "acknowledge"],
  ["CON-0003", "submit"],
  ["CON-0001", "resolve"],
  ["CON-0002", "acknowledge"],
]);

function purged(entries = chain, refs = ["CON-0001", "CON-0003"]) {
  const plan = planAuditPurge(entries, new Set(refs), purgeAt);
  if (!plan) throw new Error("expected a purge plan");
  return plan;
}

describe("planAuditPurge", () => {
  it("removes the purged concerns' entries and leaves a chain that still verifies", () => {
    const plan = purged();
    expect(plan.removedSeqs).toEqual([1, 3, 4, 5]);
    expect(plan.remaining.map((e) => e.seq)).toEqual([2, 6, 7]);
    expect(verifyChain(plan.remaining)).toMatchObject({ ok: true, count: 3, head: { seq: 7 } });
  });

  it("records counts, the cutoff and hash links, but no content, in the tombstone", () => {
    const { tombstone } = purged();
    expect(tombstone).toMatchObject({ seq: 7, action: "purge", actor: "system", concernRef: null });
    expect(tombstone.purge.concernCount).toBe(2);
    expect(tombstone.purge.cutoff).toEqual(purgeAt.cutoff);
    expect(tombstone.purge.runs.map((r) => [r.fromSeq, r.toSeq])).toEqual([
      [1, 1],
      [3, 5],
    ]);
    const text = JSON.stringify(tombstone);
    expect(text).not.toContain("CON-0001");
    expect(text).not.toContain("CON-0003");
    expect(text).not.toContain("Note");
  });

  it("stays verifiable across several purges, including adjacent runs", () => {
    const first = purged(chain, ["CON-0001"]);
    const second = purged(first.remaining, ["CON-0003"]);
    expect(second.tombstone.purge.runs.map((r) => [r.fromSeq, r.toSeq])).toEqual([[4, 4]]);
    expect(verifyChain(second.remaining)).toMatchObject({ ok: true, count: 4 });
    const more = appendEntry(second.remaining.at(-1) ?? null, {
      concernRef: "CON-0002",
      action: "resolve",
      at: new Date("2017-06-01T10:00:00Z"),
      actor: "lead:U0LEAD",
    });
    expect(verifyChain([...second.remaining, more]).ok).toBe(true);
  });

  it("still detects tampering with a kept entry next to a purged run", () => {
    const { remaining } = purged();
    const edited = remaining.map((e): AuditEntry => {
      if (e.seq !== 2 || e.action === "purge") return e;
      const changed = { ...e, note: "rewritten" };
      return { ...changed, hash: hashEntry(changed, changed.prevHash) };
    });
    expect(verifyChain(edited)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it("detects entries removed without a tombstone, or a tombstone whose runs were edited", () => {
    const { remaining } = purged();
    expect(verifyChain(remaining.filter((e) => e.seq !== 7))).toMatchObject({ ok: false, brokenAt: 1 });
    const widened = remaining.map(
      (e): AuditEntry =>
        e.action === "purge"
          ? {
              ...e,
              purge: { ...e.purge, runs: [...e.purge.runs, { fromSeq: 6, toSeq: 6, prevHash: "x", lastHash: "y" }] },
            }
          : e,
    );
    expect(verifyChain(widened)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it("reports an entry that the tombstone says was purged but is still there", () => {
    const { tombstone } = purged();
    const notDeleted = [...chain, tombstone];
    expect(verifyChain(notDeleted)).toEqual({
      ok: false,
      brokenAt: 1,
      reason: "Entry 1 is recorded as purged but is still present.",
    });
  });

  it("refuses to purge a chain that is already broken", () => {
    const broken = chain.filter((e) => e.seq !== 2);
    expect(() => planAuditPurge(broken, new Set(["CON-0001"]), purgeAt)).toThrow(/Refusing to purge/);
  });

  it("returns null when none of the concerns has entries", () => {
    expect(planAuditPurge(chain, new Set(["CON-0099"]), purgeAt)).toBeNull();
  });
});
