import type { Clock } from "../../../../clock";
import { AnonymousRateLimiter } from "../anonymous-rate-limit";
import { type GroupMembers, LeadDirectory } from "../leads";
import type { AuditTrail, ConcernReads, ConcernWrites, ReminderClaimStore, RetentionStore } from "../ports";
import { AuditService } from "./audit";
import { ExportService } from "./export";
import { FollowUpService } from "./follow-up";
import { ConcernLookup } from "./lookup";
import { ReminderService } from "./reminders";
import { RetentionService } from "./retention";
import { SubmissionService } from "./submit";
import { TriageService } from "./triage";

export * from "./audit";
export * from "./export";
export * from "./follow-up";
export * from "./lookup";
export * from "./reminders";
export * from "./retention";
export * from "./submit";
export * from "./triage";

export interface ConcernStorage {
  writes: ConcernWrites;
  reads: ConcernReads;
  audit: AuditTrail;
  reminders: ReminderClaimStore;
  retention: RetentionStore;
}

export interface ConcernServiceSettings {
  leads: readonly string[];
  leadGroup: string | null;
  acknowledgeWithinWorkingDays: number;
  retentionYears: number;
  anonymousDailyLimit: number;
  receiptPepper: string | null;
}

/** Every concern use case, wired once and shared by Slack, the jobs and the command line. */
export interface ConcernServices {
  leads: LeadDirectory;
  submissions: SubmissionService;
  triage: TriageService;
  followUp: FollowUpService;
  lookup: ConcernLookup;
  exports: ExportService;
  reminders: ReminderService;
  retention: RetentionService;
  audit: AuditService;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const REPLIES_PER_DAY = 20;

export function createConcernServices(
  storage: ConcernStorage,
  settings: ConcernServiceSettings,
  clock: Clock,
  options: { groupMembers?: GroupMembers | null; onLeadLookupError?: (error: unknown) => void } = {},
): ConcernServices {
  const leads = new LeadDirectory({
    leads: settings.leads,
    group: settings.leadGroup,
    members: options.groupMembers ?? null,
    clock,
    onError: options.onLeadLookupError,
  });
  const submissionLimiter = new AnonymousRateLimiter({
    limit: settings.anonymousDailyLimit,
    windowMs: DAY_MS,
    keyRotationMs: DAY_MS,
  });
  const replyLimiter = new AnonymousRateLimiter({ limit: REPLIES_PER_DAY, windowMs: DAY_MS, keyRotationMs: DAY_MS });
  const { reads, writes, audit } = storage;
  return {
    leads,
    submissions: new SubmissionService(writes, reads, submissionLimiter, settings.receiptPepper, clock),
    triage: new TriageService(reads, writes, leads, clock),
    followUp: new FollowUpService(reads, writes, audit, leads, replyLimiter, settings.receiptPepper, clock),
    lookup: new ConcernLookup(reads, audit, leads),
    exports: new ExportService(reads, audit, leads, clock),
    reminders: new ReminderService(reads, storage.reminders, settings.acknowledgeWithinWorkingDays),
    retention: new RetentionService(reads, storage.retention, settings.retentionYears, clock),
    audit: new AuditService(reads, audit),
  };
}
