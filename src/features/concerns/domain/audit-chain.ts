import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { ConcernStatus } from "./concern";
import type { WorkflowAction } from "./workflow";

/*
 * Tamper-evident audit trail: one hash chain over every concern.
 *
 * Each entry's hash is sha256 over the canonical JSON of its fields plus the previous entry's hash
 * (GENESIS_HASH for seq 1), so changing, inserting, reordering or deleting an entry breaks every
 * link after it. One global chain (rather than one per concern) means that deleting a whole concern
 * is as visible as editing one.
 *
 * Retention purges delete entries, so they leave a "purge" (tombstone) entry appended at the head of
 * the chain. It holds no content: the number of concerns purged, the cutoff date and, for each run of
 * consecutive removed entries, its seq range, the prevHash of its first entry and the hash of its
 * last. The verifier treats each run as one opaque link (prevHash -> lastHash): the entry after the
 * run must point at `lastHash`, and the run must point at the entry before it. Because the tombstone
 * is itself hashed into the chain, its runs cannot be edited, and removing entries without one is
 * reported as missing entries.
 *
 * Limits: a chain only proves that nothing changed *behind* the head. Someone able to rewrite the
 * whole table can rebuild it, so the head (seq, hash) should be published somewhere the database
 * cannot reach (e.g. a periodic message to the concern leads) and passed back as `expectedHead`.
 * Tombstones are never purged; they are tiny and carry no personal data.
 */

export const GENESIS_HASH = "0".repeat(64);

export type AuditActor = "system" | `lead:${string}` | `deputy:${string}` | `reporter:${string}`;
export type ConcernAuditAction =
  | "submit"
  | "support"
  | "export"
  | "reply"
  | "reporter_reply"
  | "block"
  | "unblock"
  | "assign"
  | "recuse"
  | "deputy"
  | "outcome"
  | "publish"
  | "report"
  | WorkflowAction;

export interface PurgedRun {
  fromSeq: number;
  toSeq: number;
  /** prevHash of the entry at fromSeq. */
  prevHash: string;
  /** hash of the entry at toSeq. */
  lastHash: string;
}

export interface PurgeRecord {
  concernCount: number;
  cutoff: Date;
  runs: PurgedRun[];
}

interface Chained {
  seq: number;
  at: Date;
  prevHash: string;
  hash: string;
}

export interface ConcernAuditEntry extends Chained {
  concernRef: string;
  actor: AuditActor;
  action: ConcernAuditAction;
  from?: ConcernStatus | null;
  to?: ConcernStatus | null;
  note?: string | null;
}

export interface TombstoneEntry extends Chained {
  concernRef: null;
  actor: "system";
  action: "purge";
  purge: PurgeRecord;
}

export type AuditEntry = ConcernAuditEntry | TombstoneEntry;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type UnhashedEntry = DistributiveOmit<AuditEntry, "hash" | "prevHash">;
type NewData<T extends AuditEntry> = Omit<T, "hash" | "prevHash" | "seq">;
export type NewEntryData = DistributiveOmit<AuditEntry, "hash" | "prevHash" | "seq">;

const ACTOR_PATTERN = /^(system|lead:\S+|deputy:\S+|reporter:\S+)$/;

export function hashEntry(entry: UnhashedEntry, prevHash: string): string {
  const { seq, at, actor, action, concernRef } = entry;
  const body =
    entry.action === "purge"
      ? { seq, at, actor, action, concernRef, purge: entry.purge, prevHash }
      : { seq, at, actor, action, concernRef, from: entry.from, to: entry.to, note: entry.note, prevHash };
  return createHash("sha256").update(canonicalJson(body), "utf8").digest("hex");
}

/** The head of a chain: all that appending needs from the previous entry. */
export type ChainHead = Pick<AuditEntry, "seq" | "hash">;

/** Builds the entry that follows `prev` (or starts the chain when `prev` is null). */
export function appendEntry(prev: ChainHead | null, data: NewData<TombstoneEntry>): TombstoneEntry;
export function appendEntry(prev: ChainHead | null, data: NewData<ConcernAuditEntry>): ConcernAuditEntry;
export function appendEntry(prev: ChainHead | null, data: NewEntryData): AuditEntry;
export function appendEntry(prev: ChainHead | null, data: NewEntryData): AuditEntry {
  if (!ACTOR_PATTERN.test(data.actor)) throw new Error(`Not an audit actor: "${data.actor}"`);
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const unhashed: UnhashedEntry = { ...data, seq: (prev?.seq ?? 0) + 1 };
  return { ...unhashed, prevHash, hash: hashEntry(unhashed, prevHash) };
}

export type ChainVerification =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; brokenAt: number; reason: string };

export interface VerifyOptions {
  /** The head as last published outside the database; catches a rebuilt or truncated chain. */
  expectedHead?: { seq: number; hash: string };
}

type Cursor = { seq: number; prevHash: string };
type Broken = Extract<ChainVerification, { ok: false }>;

/** Checks entries (in seq order, purged ones removed) link up from the genesis to the head. */
export function verifyChain(entries: readonly AuditEntry[], options: VerifyOptions = {}): ChainVerification {
  const runs = collectRuns(entries);
  if ("reason" in runs) return runs;
  let cursor: Cursor = { seq: 1, prevHash: GENESIS_HASH };
  for (const entry of entries) {
    const skipped = skipPurgedRuns(cursor, runs);
    if ("reason" in skipped) return skipped;
    const failure = checkEntry(entry, skipped, runs);
    if (failure) return failure;
    cursor = { seq: entry.seq + 1, prevHash: entry.hash };
  }
  const unused = [...runs.values()].find((run) => run.fromSeq >= cursor.seq);
  if (unused) return broken(unused.fromSeq, `The purge record for ${span(unused)} does not fit the chain.`);
  const last = entries.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  return checkHead(entries, runs, options.expectedHead) ?? { ok: true, count: entries.length, head };
}

function collectRuns(entries: readonly AuditEntry[]): Map<number, PurgedRun> | Broken {
  const runs = new Map<number, PurgedRun>();
  for (const entry of entries) {
    if (entry.action !== "purge") continue;
    for (const run of entry.purge.runs) {
      if (run.toSeq < run.fromSeq || run.toSeq >= entry.seq) {
        return broken(entry.seq, `The purge record in entry ${entry.seq} covers entries it cannot cover.`);
      }
      runs.set(run.fromSeq, run);
    }
  }
  const ordered = [...runs.values()].sort((a, b) => a.fromSeq - b.fromSeq);
  const overlap = ordered.find((run, i) => i > 0 && run.fromSeq <= (ordered[i - 1]?.toSeq ?? 0));
  return overlap ? broken(overlap.fromSeq, `Purge records overlap at ${span(overlap)}.`) : runs;
}

function skipPurgedRuns(cursor: Cursor, runs: ReadonlyMap<number, PurgedRun>): Cursor | Broken {
  let current = cursor;
  for (let run = runs.get(current.seq); run; run = runs.get(current.seq)) {
    if (run.prevHash !== current.prevHash) {
      return broken(run.fromSeq, `The purge record for ${span(run)} does not link to the entry before it.`);
    }
    current = { seq: run.toSeq + 1, prevHash: run.lastHash };
  }
  return current;
}

function checkEntry(entry: AuditEntry, cursor: Cursor, runs: ReadonlyMap<number, PurgedRun>): Broken | null {
  if ([...runs.values()].some((run) => entry.seq >= run.fromSeq && entry.seq <= run.toSeq)) {
    return broken(entry.seq, `Entry ${entry.seq} is recorded as purged but is still present.`);
  }
  if (entry.seq > cursor.seq) {
    return broken(cursor.seq, `Entries ${cursor.seq} to ${entry.seq - 1} are missing and no purge record covers them.`);
  }
  if (entry.seq < cursor.seq) return broken(entry.seq, `Entry ${entry.seq} is duplicated or out of order.`);
  if (entry.prevHash !== cursor.prevHash) {
    return broken(entry.seq, `Entry ${entry.seq} does not link to the entry before it.`);
  }
  if (hashEntry(entry, entry.prevHash) !== entry.hash) {
    return broken(entry.seq, `Entry ${entry.seq} has been altered: its content does not match its hash.`);
  }
  return null;
}

function checkHead(
  entries: readonly AuditEntry[],
  runs: ReadonlyMap<number, PurgedRun>,
  expected: { seq: number; hash: string } | undefined,
): Broken | null {
  if (!expected) return null;
  const known =
    entries.find((entry) => entry.seq === expected.seq)?.hash ??
    [...runs.values()].find((run) => run.toSeq === expected.seq)?.lastHash;
  const purgedMidRun = [...runs.values()].some((run) => expected.seq >= run.fromSeq && expected.seq < run.toSeq);
  if (known === expected.hash || (known === undefined && purgedMidRun)) return null;
  const reason = known
    ? `Entry ${expected.seq} differs from the last published head.`
    : `The chain ends before entry ${expected.seq}, the last published head.`;
  return broken(expected.seq, reason);
}

function broken(seq: number, reason: string): Broken {
  return { ok: false, brokenAt: seq, reason };
}

function span(run: PurgedRun): string {
  return run.fromSeq === run.toSeq ? `entry ${run.fromSeq}` : `entries ${run.fromSeq} to ${run.toSeq}`;
}
