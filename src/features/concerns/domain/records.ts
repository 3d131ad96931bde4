import type { AuditActor, ConcernAuditAction } from "./audit-chain";
import type { BodyInvolved, ConcernStatus, Impact, ObjectiveChoice } from "./concern";
import type { ReporterIdentity } from "./identity";
import type { SignpostKind } from "./signposting";

/** The message a concern was raised from. Channel, ts, link and author are null when the reporter chose not to keep the link. */
export interface ConcernSource {
  text: string;
  channelId: string | null;
  ts: string | null;
  threadTs: string | null;
  permalink: string | null;
  author: string | null;
}

/** A concern as the rest of the app sees it (never a database row). */
export interface ConcernRecord {
  id: string;
  workspaceId: string;
  number: number;
  status: ConcernStatus;
  whatHappened: string;
  objective: ObjectiveChoice;
  body: BodyInvolved;
  impact: Impact;
  reporter: ReporterIdentity;
  source: ConcernSource | null;
  signposts: SignpostKind[];
  receiptHash: string | null;
  threadBlocked: boolean;
  triage: { channelId: string; ts: string } | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
  /** People who raised it besides the reporter. */
  supporterCount: number;
}

/** People who raised a concern: the reporter plus supporters. */
export function raisedByCount(concern: Pick<ConcernRecord, "supporterCount">): number {
  return concern.supporterCount + 1;
}

export interface SupporterRecord {
  id: string;
  concernId: string;
  identity: ReporterIdentity;
  statement: string;
  createdAt: Date;
}

export interface ConcernMessageRecord {
  id: string;
  concernId: string;
  author: "lead" | "reporter";
  leadUserId: string | null;
  text: string;
  createdAt: Date;
}

export interface NewConcern {
  id: string;
  workspaceId: string;
  whatHappened: string;
  objective: ObjectiveChoice;
  body: BodyInvolved;
  impact: Impact;
  reporter: ReporterIdentity;
  source: ConcernSource | null;
  sourceKey: string | null;
  submissionKey: string;
  signposts: SignpostKind[];
  receiptHash: string | null;
  createdAt: Date;
}

export interface NewSupporter {
  id: string;
  concernId: string;
  identity: ReporterIdentity;
  statement: string;
  submissionKey: string;
  createdAt: Date;
}

/** Audit data for an entry about one concern; the store fills in seq, hashes and the concern's id. */
export interface AuditDraft {
  at: Date;
  actor: AuditActor;
  action: ConcernAuditAction;
  from?: ConcernStatus | null;
  to?: ConcernStatus | null;
  note?: string | null;
}

export type CreateOutcome =
  | { kind: "created"; concern: ConcernRecord }
  /** This very submission was stored before (a retry or a double submit). */
  | { kind: "duplicate_submission"; concern: ConcernRecord }
  /** Someone already logged the same message. */
  | { kind: "same_source"; concern: ConcernRecord };

export type SupportOutcome =
  | { kind: "added"; concern: ConcernRecord }
  | { kind: "duplicate_submission"; concern: ConcernRecord }
  | { kind: "already_raised"; concern: ConcernRecord };

export interface StatusChange {
  from: ConcernStatus;
  to: ConcernStatus;
  at: Date;
}

export interface ConcernFilter {
  statuses?: ConcernStatus[];
  objective?: number;
  createdFrom?: Date;
  createdTo?: Date;
}

export interface ConcernCounts {
  byStatus: Record<ConcernStatus, number>;
  /** Open (not resolved) concerns, keyed "1" to "4" and "not_sure". */
  byObjective: Record<string, number>;
}
