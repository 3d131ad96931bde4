import type { AuditEntry } from "./audit-chain";
import type { ConcernStatus } from "./concern";
import type {
  AuditDraft,
  ConcernCounts,
  ConcernFilter,
  ConcernMessageRecord,
  ConcernRecord,
  CreateOutcome,
  NewConcern,
  NewSupporter,
  SupporterRecord,
  SupportOutcome,
} from "./records";

/** What the concern services need from storage (the feature's storage/ implements them). */

export interface ConcernWrites {
  create(concern: NewConcern, audit: AuditDraft): Promise<CreateOutcome>;
  addSupporter(supporter: NewSupporter, audit: AuditDraft): Promise<SupportOutcome>;
  changeStatus(
    workspaceId: string,
    id: string,
    change: { from: ConcernStatus; to: ConcernStatus; at: Date },
    audit: AuditDraft,
  ): Promise<boolean>;
  record(workspaceId: string, id: string, audit: AuditDraft): Promise<boolean>;
  setThreadBlocked(workspaceId: string, id: string, blocked: boolean, audit: AuditDraft): Promise<boolean>;
  addMessage(workspaceId: string, message: ConcernMessageRecord, audit: AuditDraft): Promise<boolean>;
  setTriageMessage(id: string, channelId: string, ts: string): Promise<void>;
}

export interface ConcernReads {
  /** Concerns raised in [start, end), counted by objective (null: "not sure"). */
  raisedByObjective(
    workspaceId: string,
    start: Date,
    end: Date,
  ): Promise<Array<{ objective: number | null; count: number }>>;
  byId(workspaceId: string, id: string): Promise<ConcernRecord | null>;
  byNumber(workspaceId: string, number: number): Promise<ConcernRecord | null>;
  bySourceKey(workspaceId: string, sourceKey: string): Promise<ConcernRecord | null>;
  raisedBy(workspaceId: string, userId: string, limit?: number): Promise<ConcernRecord[]>;
  list(workspaceId: string | null, filter?: ConcernFilter, limit?: number): Promise<ConcernRecord[]>;
  counts(workspaceId: string): Promise<ConcernCounts>;
  supporters(concernId: string): Promise<SupporterRecord[]>;
  messages(concernId: string): Promise<ConcernMessageRecord[]>;
  unacknowledged(): Promise<Array<{ concern: ConcernRecord; lastReminderAt: Date | null }>>;
}

export interface AuditTrail {
  chain(): Promise<AuditEntry[]>;
  entriesFor(concernRef: string): Promise<AuditEntry[]>;
  append(concernRef: string, draft: AuditDraft): Promise<AuditEntry>;
}

export interface ReminderClaimStore {
  claim(concernId: string, day: string, at: Date): Promise<boolean>;
  release(concernId: string, day: string): Promise<void>;
}

export interface RetentionStore {
  purge(
    concernIds: string[],
    at: Date,
    cutoff: Date,
  ): Promise<{ concernCount: number; auditEntriesRemoved: number; tombstoneSeq: number | null }>;
}

/** Who the concern leads are (config user ids and a Slack user group). */
export interface LeadRoster {
  isLead(workspaceId: string, userId: string): Promise<boolean>;
}

/** The full text of a quoted message while its modal is open (Slack's private_metadata is too small for it). */
export interface DraftStore {
  save(workspaceId: string, text: string, at: Date): Promise<string>;
  /** The text, only for the workspace that saved it. */
  text(workspaceId: string, id: string): Promise<string | null>;
  /** Drafts of modals that were never submitted. */
  sweep(olderThan: Date): Promise<number>;
}
