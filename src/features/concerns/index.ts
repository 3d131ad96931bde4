import { randomUUID } from "node:crypto";
import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { SharedCore } from "../../core-types";
import { processHolder } from "../../jobs/holder";
import { RepeatingJob } from "../../jobs/repeating-job";
import type { WorkspaceClients } from "../../slack/workspace-clients";
import { LeaseRepository } from "../../storage/leases";
import {
  type ConcernServices,
  createConcernServices,
  type DraftStore,
  type GroupMembers,
  loadBankHolidaysFile,
  type MinutesForConcerns,
  type WorkspaceConcernSettings,
} from "./domain";
import { ConcernMinutesJob, type StoredMinutesBetween } from "./jobs/concern-minutes";
import { ConcernReminderJob } from "./jobs/concern-reminders";
import { confirmKey, createConcernStorage } from "./storage";

export type { GroupMembers, MinutesForConcerns } from "./domain";
export type { StoredMinutesBetween } from "./jobs/concern-minutes";

/** Counts of concerns raised in a period, by objective: what digests report. */
export type ConcernCountsByObjective = (period: {
  workspaceId: string;
  start: Date;
  end: Date;
}) => Promise<Array<{ objective: number | null; count: number }>>;

/** The concerns feature: its services, the drafts of open forms, and its Slack side. */
export interface ConcernsFeature extends ConcernServices {
  drafts: DraftStore;
  countsByObjective: ConcernCountsByObjective;
  homeSection(workspaceId: string, userId: string): Promise<ViewBlockBuilder[]>;
  /** Registers the listeners and returns the reminders and minutes jobs. */
  register(app: App, clients: WorkspaceClients): Promise<RepeatingJob[]>;
  /** Set by register: one pass of the reminders, for tests and the CLI. */
  reminderJob: ConcernReminderJob | null;
  /** Set by register: one pass over newly stored minutes, for tests. */
  minutesJob: ConcernMinutesJob | null;
  /**
   * Set by register: what the feature owes Slack (triage cards, status-change DMs, reminders),
   * delivered by the concern-outbox job.
   */
  outbox: { runOnce(): Promise<number>; nudge(): void } | null;
  /** Where the minutes job reads newly stored minutes from (the minutes feature's reader; src/core.ts wires it). */
  watchMinutes(storedBetween: StoredMinutesBetween): void;
  /**
   * Newly ingested minutes, pushed by whoever stored them: the leads get one note per open concern
   * on the same objective, at most once per concern and document. Returns the notes sent (none
   * before the feature is registered with Slack).
   */
  onMinutesStored(minutes: readonly MinutesForConcerns[]): Promise<number>;
}

const REMINDER_INTERVAL_MS = 15 * 60_000;
/** Submissions nudge the outbox at once; this pass catches retries that have come due. */
const OUTBOX_INTERVAL_MS = 15_000;
const MINUTES_INTERVAL_MS = 10 * 60_000;
/**
 * Notes are claimed one by one, so two processes never send one twice; the lease keeps the passes
 * themselves apart, so the cursor of minutes read only moves forward.
 */
const MINUTES_LEASE = { name: "concern-minutes", holder: randomUUID(), ttlMs: 15 * 60_000 };

/** The concern settings of one workspace (its admins' choices over the environment's). */
export interface ConcernWorkspaceSettings extends WorkspaceConcernSettings {
  triageChannel: string | null;
}

export interface ConcernsOptions {
  leadGroupMembers?: GroupMembers;
  settings?: { forWorkspace(workspaceId: string): Promise<ConcernWorkspaceSettings> };
}

export function createConcerns(core: SharedCore, options: ConcernsOptions = {}): ConcernsFeature {
  const { config, clock, logger, database } = core;
  const storage = createConcernStorage(database.db, database.provider);
  const settingsOf = async (workspaceId: string): Promise<ConcernWorkspaceSettings> =>
    options.settings ? options.settings.forWorkspace(workspaceId) : config.concerns;
  const services = createConcernServices(storage, config.concerns, clock, {
    workspaceSettings: settingsOf,
    groupMembers: options.leadGroupMembers ?? null,
    onLeadLookupError: (error) => logger.warn("Could not look up the concern leads' or deputy's user group", error),
    holidays: () => loadBankHolidaysFile(config.concerns.bankHolidaysFile),
  });
  let storedBetween: StoredMinutesBetween | null = null;
  const feature: ConcernsFeature = {
    ...services,
    drafts: storage.drafts,
    countsByObjective: ({ workspaceId, start, end }) => storage.reads.raisedByObjective(workspaceId, start, end),
    homeSection: async (workspaceId, userId) => {
      const [{ concernsHomeBlocks }, summary] = await Promise.all([
        import("./slack/views/home"),
        services.lookup.home(workspaceId, userId),
      ]);
      return concernsHomeBlocks(summary);
    },
    reminderJob: null,
    minutesJob: null,
    outbox: null,
    watchMinutes: (reader) => {
      storedBetween = reader;
    },
    onMinutesStored: async (minutes) => (feature.minutesJob ? feature.minutesJob.deliver(minutes) : 0),
    register: async (app, clients) => {
      const [{ registerConcernsListeners }, { ConcernNotifier }, { ConcernOutboxDelivery }] = await Promise.all([
        import("./slack/listeners"),
        import("./slack/notifier"),
        import("./slack/outbox-delivery"),
      ]);
      let outboxDelivery: InstanceType<typeof ConcernOutboxDelivery> | null = null;
      const concernNotifier = new ConcernNotifier(
        clients,
        {
          lookup: services.lookup,
          triage: services.triage,
          routing: services.routing,
          checkins: services.checkins,
        },
        {
          triageChannel: async (workspaceId) => (await settingsOf(workspaceId)).triageChannel,
          leadMention: async (workspaceId) => leadMention(await settingsOf(workspaceId)),
          cardOwed: async (concern) => {
            await storage.outbox.ensure({
              workspaceId: concern.workspaceId,
              concernId: concern.id,
              kind: "card",
              at: clock.now(),
            });
            outboxDelivery?.nudge();
          },
          messagesOwed: () => outboxDelivery?.nudge(),
          noticeOwed: async (concern, key, message, broadcast) => {
            await storage.outbox.ensure({
              workspaceId: concern.workspaceId,
              concernId: concern.id,
              kind: "note",
              key,
              payload: { note: "notice", text: message.text, blocks: message.blocks, broadcast },
              at: clock.now(),
            });
            outboxDelivery?.nudge();
          },
          confirmation: {
            shown: (concern, userId) => storage.outbox.settle(confirmKey(concern.id, userId), clock.now()),
            owed: async (concern, userId) => {
              await storage.outbox.dueNow(confirmKey(concern.id, userId), clock.now());
              outboxDelivery?.nudge();
            },
          },
        },
        logger,
      );
      outboxDelivery = new ConcernOutboxDelivery({
        outbox: storage.outbox,
        leases: new LeaseRepository(database.db),
        concerns: storage.reads,
        triage: services.triage,
        cards: concernNotifier,
        notices: concernNotifier,
        leads: services.leads,
        isPrivate: (concern) => services.routing.isPrivate(concern),
        clients,
        triageChannel: async (workspaceId) => (await settingsOf(workspaceId)).triageChannel,
        clock,
        logger,
        holder: processHolder(),
      });
      feature.outbox = outboxDelivery;
      const delivery = outboxDelivery;
      warnAboutSettings(config.concerns, logger);
      registerConcernsListeners(app, {
        concerns: services,
        concernDrafts: storage.drafts,
        concernNotifier,
        triageChannel: async (workspaceId) => (await settingsOf(workspaceId)).triageChannel,
        clock,
        logger,
      });
      const reminders = new ConcernReminderJob({
        reminders: services.reminders,
        outbox: outboxDelivery,
        drafts: storage.drafts,
        holidaysFile: config.concerns.bankHolidaysFile,
        clock,
      });
      const minutes = new ConcernMinutesJob({
        minutes: services.minutes,
        notifier: concernNotifier,
        storedBetween: () => storedBetween,
      });
      const leases = new LeaseRepository(database.db);
      feature.reminderJob = reminders;
      feature.minutesJob = minutes;
      const outboxJob = new RepeatingJob(
        "concern-outbox",
        OUTBOX_INTERVAL_MS,
        async () => void (await delivery.runOnce()),
        logger,
        // Straight after start-up: what a stopped process left unsent goes out first.
        500,
      );
      delivery.wakeAfter = (delayMs) => outboxJob.runAfter(delayMs);
      return [
        outboxJob,
        new RepeatingJob(
          "concern-reminders",
          REMINDER_INTERVAL_MS,
          async () => void (await reminders.runOnce()),
          logger,
          1_000,
        ),
        new RepeatingJob(
          "concern-minutes",
          MINUTES_INTERVAL_MS,
          async () =>
            void (await leases.whileHolding(
              MINUTES_LEASE,
              () => clock.now(),
              () => minutes.runOnce(),
            )),
          logger,
        ),
      ];
    },
  };
  return feature;
}

type ConcernSettings = SharedCore["config"]["concerns"];

/** How reminders call the leads: their user group, or each named lead. */
function leadMention(settings: ConcernWorkspaceSettings): string | null {
  if (settings.leadGroup) return `<!subteam^${settings.leadGroup}>`;
  return settings.leads.length > 0 ? settings.leads.map((id) => `<@${id}>`).join(" ") : null;
}

function warnAboutSettings(settings: ConcernSettings, logger: SharedCore["logger"]): void {
  if (!settings.triageChannel) {
    logger.warn(
      "CONCERN_TRIAGE_CHANNEL is not set: concerns are stored but not posted for triage, and no reminders are sent.",
    );
  }
  if (settings.leads.length === 0 && !settings.leadGroup) {
    logger.warn("Neither CONCERN_LEADS nor CONCERN_LEAD_GROUP is set: nobody can acknowledge or resolve concerns.");
  }
}
