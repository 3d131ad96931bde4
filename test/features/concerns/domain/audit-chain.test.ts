import { describe, expect, it } from "vitest";
import {
  type AuditEntry,
  appendEntry,
  GENESIS_HASH,
  hashEntry,
  verifyChain,
} from "../../../../src/features/concerns/domain/audit-chain";
import { buildChain } from "./audit-fixtures";

const chain = buildChain([
  ["CON-0001", "submit"],
  ["CON-0001", "acknowledge"],
  ["CON-0002", "submit"],
  ["CON-0001", "note"],
  ["CON-0001", "resolve"],
]);

function tampered(entries: AuditEntry[], seq: number, change: (entry: AuditEntry) => AuditEntry): AuditEntry[] {
  return entries.map((entry) => (entry.seq === seq ? change(entry) : entry));
}

describe("appendEntry", () => {
  it("numbers entries from 1 and links each to the previous hash", () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    for (const [i, entry] of chain.slice(1).entries()) expect(entry.prevHash).toBe(chain[i]?.hash);
    expect(chain[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes the same content identically however optional fields are absent", () => {
    const [first] = chain;
    if (!first || first.action === "purge") throw new Error("fixture");
    const fromDatabase = { ...first, from: null, to: null, note: null, at: new Date(first.at.getTime()) };
    expect(hashEntry(fromDatabase, first.prevHash)).toBe(first.hash);
  });

  it("refuses an actor that is not lead:, reporter: or system", () => {
    expect(() =>
      appendEntry(null, { concernRef: "CON-0001", action: "submit", at: new Date(0), actor: "U123" as "system" }),
    ).toThrow(/Not an audit actor/);
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and reports its head", () => {
    const last = chain.at(-1);
    expect(verifyChain(chain)).toEqual({ ok: true, count: 5, head: { seq: 5, hash: last?.hash } });
  });

  it("accepts an empty chain", () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it("finds an edited note", () => {
    const edited = tampered(chain, 4, (e) => ({ ...e, note: "Nothing to see here" }));
    expect(verifyChain(edited)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: "Entry 4 has been altered: its content does not match its hash.",
    });
  });

  it("finds an edit even when the edited entry's own hash was recomputed", () => {
    const edited = tampered(chain, 2, (e) => {
      if (e.action === "purge") return e;
      const changed = { ...e, actor: "lead:U0OTHER" as const };
      return { ...changed, hash: hashEntry(changed, changed.prevHash) };
    });
    expect(verifyChain(edited)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it("finds a deleted entry", () => {
    const withoutThird = chain.filter((e) => e.seq !== 3);
    expect(verifyChain(withoutThird)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: "Entries 3 to 3 are missing and no purge record covers them.",
    });
  });

  it("finds a deleted beginning", () => {
    expect(verifyChain(chain.slice(2))).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it("finds reordered entries", () => {
    const [a, b, ...rest] = chain;
    if (!a || !b) throw new Error("fixture");
    expect(verifyChain([b, a, ...rest])).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it("finds a truncated or rebuilt chain against the last published head", () => {
    const published = { seq: 5, hash: chain[4]?.hash ?? "" };
    expect(verifyChain(chain, { expectedHead: published }).ok).toBe(true);
    expect(verifyChain(chain.slice(0, 4), { expectedHead: published })).toMatchObject({ ok: false, brokenAt: 5 });
    const rebuilt = buildChain([
      ["CON-0001", "submit"],
      ["CON-0001", "acknowledge"],
      ["CON-0002", "submit"],
      ["CON-0001", "resolve"],
      ["CON-0001", "resolve"],
    ]);
    expect(verifyChain(rebuilt).ok).toBe(true);
    expect(verifyChain(rebuilt, { expectedHead: published })).toEqual({
      ok: false,
      brokenAt: 5,
      reason: "Entry 5 differs from the last published head.",
    });
  });
});
