import { type ChainVerification, type ConcernAuditEntry, verifyChain } from "../audit-chain";
import { formatReference } from "../concern";
import { concernContentHash, contentHashFromNote } from "../keys";
import type { AuditTrail, ConcernReads } from "../ports";
import type { ConcernRecord } from "../records";

export interface AuditReport {
  chain: ChainVerification;
  /** Concerns whose stored content no longer matches the hash recorded when they were raised. */
  altered: Array<{ workspaceId: string; reference: string; reason: string }>;
}

/** `localism audit verify`: the hash chain links up, and every concern still reads as it was submitted. */
export class AuditService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly audit: AuditTrail,
  ) {}

  async verify(expectedHead?: { seq: number; hash: string }): Promise<AuditReport> {
    const [entries, concerns] = await Promise.all([this.audit.chain(), this.reads.list(null)]);
    const chain = verifyChain(entries, { expectedHead });
    const submitted = new Map<string, ConcernAuditEntry>();
    for (const entry of entries)
      if (entry.action === "submit" && entry.concernRef) submitted.set(entry.concernRef, entry);
    const altered = concerns.flatMap((concern) => contentProblem(concern, submitted.get(concern.id)));
    return { chain, altered };
  }
}

function contentProblem(concern: ConcernRecord, entry: ConcernAuditEntry | undefined): AuditReport["altered"] {
  const where = { workspaceId: concern.workspaceId, reference: formatReference(concern.number) };
  if (!entry) return [{ ...where, reason: "has no submission entry in the audit trail" }];
  const recorded = contentHashFromNote(entry.note);
  if (recorded === concernContentHash(concern)) return [];
  return [
    {
      ...where,
      reason: "no longer matches what was submitted (its text, classification, reporter or source was changed)",
    },
  ];
}
