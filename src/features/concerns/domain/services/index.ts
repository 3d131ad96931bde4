import type { Clock } from "../../../../clock";
import { AnonymousRateLimiter } from "../anonymous-rate-limit";
import { type DeputySetting, type GroupMembers, LeadDirectory } from "../leads";
import type {
  AuditTrail,
  CheckinStore,
  ConcernReads,
  ConcernWrites,
  MinutesLinkStore,
  PostStore,
  ReminderClaimStore,
  RetentionStore,
} from "../ports";
import { ConcernAccess } from "./access";
import { AuditService } from "./audit";
import { CheckinService } from "./checkin";
import { ExportService } from "./export";
import { FollowUpService } from "./follow-up";
import { HandlingService } from "./handling";
import { ConcernLookup } from "./lookup";
import { ConcernMinutesService } from "./minutes";
import { PublicationService } from "./publication";
import { ReminderService } from "./reminders";
import { ReportService } from "./report";
import { RetentionService } from "./retention";
import { CardRouting } from "./routing";
import { SubmissionService } from "./submit";
import { TriageService } from "./triage";

export * from "./access";
export * from "./audit";
export * from "./checkin";
export * from "./export";
export * from "./follow-up";
export * from "./handling";
export * from "./lookup";
export * from "./minutes";
export * from "./publication";
export * from "./reminders";
export * from "./report";
export * from "./retention";
export * from "./routing";
export * from "./submit";
export * from "./triage";

export interface ConcernStorage {
  writes: ConcernWrites;
  reads: ConcernReads;
  audit: AuditTrail;
  reminders: ReminderClaimStore;
  retention: RetentionStore;
  posts: PostStore;
  checkins: CheckinStore;
  minutesLinks: MinutesLinkStore;
}

export interface ConcernServiceSettings {
  leads: readonly string[];
  leadGroup: string | null;
  deputy?: DeputySetting | null;
  acknowledgeWithinWorkingDays: number;
  retentionYears: number;
  anonymousDailyLimit: number;
  receiptPepper: string | null;
}

/** Every concern use case, wired once and shared by Slack, the jobs and the command line. */
export interface ConcernServices {
  leads: LeadDirectory;
  access: ConcernAccess;
  submissions: SubmissionService;
  triage: TriageService;
  handling: HandlingService;
  routing: CardRouting;
  followUp: FollowUpService;
  lookup: ConcernLookup;
  exports: ExportService;
  reports: ReportService;
  publication: PublicationService;
  checkins: CheckinService;
  minutes: ConcernMinutesService;
  reminders: ReminderService;
  retention: RetentionService;
  audit: AuditService;
}

/** One workspace's concern settings, as its admins set them over the environment's. */
export interface WorkspaceConcernSettings {
  leads: readonly string[];
  leadGroup: string | null;
  acknowledgeWithinWorkingDays: number;
  anonymousDailyLimit: number;
  retentionYears: number;
}

export interface ConcernServiceOptions {
  /** Each workspace's own settings, set by its admins; without it every workspace has `settings`'. */
  workspaceSettings?: (workspaceId: string) => Promise<WorkspaceConcernSettings>;
  groupMembers?: GroupMembers | null;
  onLeadLookupError?: (error: unknown) => void;
  /** The England and Wales bank holidays, for the report's working days (none when not given). */
  holidays?: () => Promise<ReadonlySet<string>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const REPLIES_PER_DAY = 20;

export function createConcernServices(
  storage: ConcernStorage,
  settings: ConcernServiceSettings,
  clock: Clock,
  options: ConcernServiceOptions = {},
): ConcernServices {
  const workspaceSettings = options.workspaceSettings;
  const own =
    <K extends keyof WorkspaceConcernSettings>(key: K) =>
    async (workspaceId: string): Promise<WorkspaceConcernSettings[K] | undefined> =>
      workspaceSettings ? (await workspaceSettings(workspaceId))[key] : undefined;
  const leads = new LeadDirectory({
    leads: settings.leads,
    group: settings.leadGroup,
    deputy: settings.deputy ?? null,
    ...(workspaceSettings
      ? {
          roster: async (workspaceId: string) => {
            const own = await workspaceSettings(workspaceId);
            return { leads: own.leads, group: own.leadGroup };
          },
        }
      : {}),
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
  const access = new ConcernAccess(reads, leads);
  const triage = new TriageService(reads, writes, access, clock);
  const lookup = new ConcernLookup(reads, audit, access);
  return {
    leads,
    access,
    submissions: new SubmissionService(
      writes,
      reads,
      submissionLimiter,
      settings.receiptPepper,
      clock,
      own("anonymousDailyLimit"),
    ),
    triage,
    handling: new HandlingService(reads, writes, access, triage, clock),
    routing: new CardRouting(storage.posts, access),
    followUp: new FollowUpService(reads, writes, audit, access, replyLimiter, settings.receiptPepper, clock),
    lookup,
    exports: new ExportService(reads, audit, access, clock),
    reports: new ReportService(reads, storage.checkins, audit, access, clock, {
      acknowledgeWithinWorkingDays: settings.acknowledgeWithinWorkingDays,
      acknowledgeWithinWorkingDaysFor: own("acknowledgeWithinWorkingDays"),
      holidays: options.holidays ?? (async () => new Set<string>()),
    }),
    publication: new PublicationService(reads, writes, access, clock),
    checkins: new CheckinService(reads, storage.checkins, lookup, settings.receiptPepper),
    minutes: new ConcernMinutesService(reads, storage.minutesLinks, clock),
    reminders: new ReminderService(
      reads,
      storage.reminders,
      settings.acknowledgeWithinWorkingDays,
      own("acknowledgeWithinWorkingDays"),
    ),
    retention: new RetentionService(reads, storage.retention, settings.retentionYears, clock, own("retentionYears")),
    audit: new AuditService(reads, audit),
  };
}
