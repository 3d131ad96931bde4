import {
  type AuditEntry,
  appendEntry,
  type ConcernAuditEntry,
  type PurgedRun,
  type TombstoneEntry,
  verifyChain,
} from "./audit-chain";

export interface AuditPurgePlan {
  /** Append this entry and delete `removedSeqs` in one transaction. */
  tombstone: TombstoneEntry;
  removedSeqs: number[];
  /** The chain as it will be afterwards; `verifyChain(remaining)` holds. */
  remaining: AuditEntry[];
}

/**
 * Plans the removal of every audit entry of the given concerns, recorded by a content-free
 * tombstone (see audit-chain.ts). `chain` must be the whole current chain in seq order; a chain
 * that does not verify is not purged, because purging could hide the evidence of tampering.
 * Returns null when none of the concerns has entries.
 */
export function planAuditPurge(
  chain: readonly AuditEntry[],
  concernRefs: ReadonlySet<string>,
  purge: { at: Date; cutoff: Date },
): AuditPurgePlan | null {
  const verification = verifyChain(chain);
  if (!verification.ok) {
    throw new Error(
      `Refusing to purge: the audit chain is broken at entry ${verification.brokenAt}. ${verification.reason}`,
    );
  }
  const removed = chain.filter((entry): entry is ConcernAuditEntry => isOf(entry, concernRefs));
  const head = chain.at(-1);
  if (removed.length === 0 || !head) return null;
  const tombstone = appendEntry(head, {
    concernRef: null,
    at: purge.at,
    actor: "system",
    action: "purge",
    purge: {
      concernCount: new Set(removed.map((e) => e.concernRef)).size,
      cutoff: purge.cutoff,
      runs: toRuns(removed),
    },
  });
  const removedSeqs = removed.map((entry) => entry.seq);
  const remaining = [...chain.filter((entry) => !isOf(entry, concernRefs)), tombstone];
  return { tombstone, removedSeqs, remaining };
}

function isOf(entry: AuditEntry, concernRefs: ReadonlySet<string>): boolean {
  return entry.concernRef !== null && concernRefs.has(entry.concernRef);
}

/** Groups removed entries into runs of consecutive seqs. */
function toRuns(removed: readonly ConcernAuditEntry[]): PurgedRun[] {
  const runs: PurgedRun[] = [];
  for (const entry of removed) {
    const current = runs.at(-1);
    if (current && current.toSeq + 1 === entry.seq) {
      current.toSeq = entry.seq;
      current.lastHash = entry.hash;
    } else {
      runs.push({ fromSeq: entry.seq, toSeq: entry.seq, prevHash: entry.prevHash, lastHash: entry.hash });
    }
  }
  return runs;
}
