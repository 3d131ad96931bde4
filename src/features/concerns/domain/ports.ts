import type { AuditEntry } from "./audit-chain";
import type { AgainAnswer, CheckinAnswer, ClearAnswer } from "./checkin";
import type { ConcernStatus } from "./concern";
import type { RecusalRecord } from "./handling";
import type {
  AuditDraft,
  ConcernCounts,
  ConcernFilter,
  ConcernMessageRecord,
  ConcernPostRecord,
  ConcernRecord,
  CreateOutcome,
  NewConcern,
  NewSupporter,
  ResolutionTexts,
  SupporterRecord,
  SupportOutcome,
} from "./records";

/** What the concern services need from storage (the feature's storage/ implements them). */

export interface ConcernWrites {
  create(concern: NewConcern, audit: AuditDraft): Promise<CreateOutcome>;
  addSupporter(supporter: NewSupporter, audit: AuditDraft): Promise<SupportOutcome>;
  /** A resolution also stores its texts; every audit draft is appended in the same transaction. */
  changeStatus(
    workspaceId: string,
    id: string,
    change: { from: ConcernStatus; to: ConcernStatus; at: Date; resolution?: ResolutionTexts },
    audit: AuditDraft,
    more?: AuditDraft[],
  ): Promise<boolean>;
  /**
   * Assigns it to a lead on behalf of the lead who chose them (told by DM unless it is themselves);
   * false when the concern is not in the workspace.
   */
  assign(
    workspaceId: string,
    id: string,
    assignment: { assigneeId: string; by: string },
    audit: AuditDraft,
  ): Promise<boolean>;
  /**
   * Records a lead's recusal with its audit entries (and clears the assignment when it was theirs);
   * false when they had already recused.
   */
  recuse(workspaceId: string, recusal: RecusalRecord, audits: AuditDraft[]): Promise<boolean>;
  /** Marks concerns' words as published; returns the ones marked (each gets its audit entry). */
  markPublished(workspaceId: string, ids: string[], at: Date, audit: (id: string) => AuditDraft): Promise<string[]>;
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
  /** Those of the concerns named that exist in the workspace named with each, by id. */
  byIds(refs: Array<{ workspaceId: string; id: string }>): Promise<Map<string, ConcernRecord>>;
  byNumber(workspaceId: string, number: number): Promise<ConcernRecord | null>;
  bySourceKey(workspaceId: string, sourceKey: string): Promise<ConcernRecord | null>;
  /** The concern a submission (by its key) created or supported. */
  bySubmissionKey(workspaceId: string, submissionKey: string): Promise<ConcernRecord | null>;
  raisedBy(workspaceId: string, userId: string, limit?: number): Promise<ConcernRecord[]>;
  list(workspaceId: string | null, filter?: ConcernFilter, limit?: number): Promise<ConcernRecord[]>;
  /** Counted without the concerns in `excludeIds` (those the reader recused from). */
  counts(workspaceId: string, excludeIds?: string[]): Promise<ConcernCounts>;
  recusals(concernId: string): Promise<RecusalRecord[]>;
  /** The ids of the concerns a lead recused from. */
  recusedFrom(workspaceId: string, leadId: string): Promise<string[]>;
  supporters(concernId: string): Promise<SupporterRecord[]>;
  messages(concernId: string): Promise<ConcernMessageRecord[]>;
  unacknowledged(): Promise<Array<{ concern: ConcernRecord; lastReminderAt: Date | null }>>;
}

export interface AuditTrail {
  chain(): Promise<AuditEntry[]>;
  entriesFor(concernRef: string): Promise<AuditEntry[]>;
  append(concernRef: string, draft: AuditDraft): Promise<AuditEntry>;
}

/** A reminder owed through the outbox along with its claim (see ReminderClaimStore). */
export interface OwedReminder {
  workspaceId: string;
  workingDaysWaiting: number;
}

export interface ReminderClaimStore {
  /** Claims the concern's reminder for the day; with `owed`, the reminder is owed with the claim. */
  claim(concernId: string, day: string, at: Date, owed?: OwedReminder): Promise<boolean>;
  release(concernId: string, day: string): Promise<void>;
}

export interface RetentionStore {
  purge(
    concernIds: string[],
    at: Date,
    cutoff: Date,
  ): Promise<{ concernCount: number; auditEntriesRemoved: number; tombstoneSeq: number | null }>;
}

/** Who the concern leads are (config user ids and a Slack user group), and the deputy. */
export interface LeadRoster {
  isLead(workspaceId: string, userId: string): Promise<boolean>;
  leads(workspaceId: string): Promise<string[]>;
  isDeputy(workspaceId: string, userId: string): Promise<boolean>;
  deputies(workspaceId: string): Promise<string[]>;
  readonly deputyConfigured: boolean;
}

/** Messages about a concern besides its triage card: DM cards and thread notes. */
export interface PostStore {
  record(post: ConcernPostRecord): Promise<void>;
  forConcern(concernId: string): Promise<ConcernPostRecord[]>;
  forget(channelId: string, ts: string): Promise<void>;
}

/** Check-in answers, never linked to a person or a concern; the marker only says "answered". */
export interface CheckinStore {
  answered(markerKey: string): Promise<boolean>;
  /** Stores the marker and the answer together; false when the marker was there already. */
  answer(
    markerKey: string,
    answer: { id: string; workspaceId: string; quarter: string; clear: ClearAnswer; again: AgainAnswer },
  ): Promise<boolean>;
  answers(workspaceId: string | null, quarter: string): Promise<CheckinAnswer[]>;
}

/** Which minutes documents were noted against which concerns, and how far the minutes have been read. */
export interface MinutesLinkStore {
  claim(concernId: string, documentId: number, at: Date): Promise<boolean>;
  release(concernId: string, documentId: number): Promise<void>;
  cursor(): Promise<Date | null>;
  setCursor(until: Date): Promise<void>;
}

/** The full text of a quoted message while its modal is open (Slack's private_metadata is too small for it). */
export interface DraftStore {
  save(workspaceId: string, text: string, at: Date): Promise<string>;
  /** The text, only for the workspace that saved it. */
  text(workspaceId: string, id: string): Promise<string | null>;
  /** A draft no longer needed (its concern was submitted). */
  discard(workspaceId: string, id: string): Promise<void>;
  /** Drafts of modals that were never submitted. */
  sweep(olderThan: Date): Promise<number>;
}
