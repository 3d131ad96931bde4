import type { AuditActor, ConcernAuditAction } from "./audit-chain";
import type { BodyInvolved, ConcernStatus, Impact, ObjectiveChoice, QuoteChoice } from "./concern";
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
  /** Confidential and anonymous concerns from a message: whether the quote was kept; null otherwise. */
  quoteChoice: QuoteChoice | null;
  signposts: SignpostKind[];
  receiptHash: string | null;
  threadBlocked: boolean;
  triage: { channelId: string; ts: string } | null;
  /** The lead (or deputy) it is assigned to. */
  assigneeId: string | null;
  /** Leads who recused themselves from it: they do not see it. */
  recused: string[];
  /** What the lead wrote at the latest resolution. */
  resolution: ResolutionTexts;
  /** When its "you said, we did" words were published to staff. */
  publishedAt: Date | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
  /** People who raised it besides the reporter. */
  supporterCount: number;
}

/** A resolution's three texts: for the reporter, for the governing body's report, and for staff ("you said, we did"). */
export interface ResolutionTexts {
  note: string | null;
  outcome: string | null;
  publication: string | null;
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
  quoteChoice: QuoteChoice | null;
  sourceKey: string | null;
  submissionKey: string;
  signposts: SignpostKind[];
  receiptHash: string | null;
  createdAt: Date;
  /** Whether the confirmation may yet be shown where it was raised: if not, the reporter's DM is owed at once. */
  confirmableWhereRaised: boolean;
}

export interface NewSupporter {
  id: string;
  concernId: string;
  identity: ReporterIdentity;
  statement: string;
  submissionKey: string;
  createdAt: Date;
  /** As for a new concern: if not, the supporter's confirmation DM is owed at once. */
  confirmableWhereRaised: boolean;
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
  /** Leave these out (e.g. the concerns the reader recused from). */
  excludeIds?: string[];
  /** Only concerns some lead recused from. */
  withRecusals?: boolean;
  /** Only resolved concerns with words for publication not yet published. */
  toPublish?: boolean;
}

/** A message the bot posted about a concern besides its triage card (see ConcernPost in the schema). */
export interface ConcernPostRecord {
  concernId: string;
  channelId: string;
  ts: string;
  kind: "card" | "note";
  /** Whose direct messages hold it; null in the triage channel. */
  userId: string | null;
}

export interface ConcernCounts {
  byStatus: Record<ConcernStatus, number>;
  /** Open (not resolved) concerns, keyed "1" to "4" and "not_sure". */
  byObjective: Record<string, number>;
}
