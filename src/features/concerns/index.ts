import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { SharedCore } from "../../core-types";
import { RepeatingJob } from "../../jobs/repeating-job";
import { type ConcernServices, createConcernServices, type DraftStore, type GroupMembers } from "./domain";
import { ConcernReminderJob } from "./jobs/concern-reminders";
import { createConcernStorage } from "./storage";

export type { GroupMembers } from "./domain";

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
  /** Registers the listeners and returns the reminders job. */
  register(app: App): Promise<RepeatingJob[]>;
  /** Set by register: one pass of the reminders, for tests and the CLI. */
  reminderJob: ConcernReminderJob | null;
}

const REMINDER_INTERVAL_MS = 15 * 60_000;

export function createConcerns(core: SharedCore, options: { leadGroupMembers?: GroupMembers } = {}): ConcernsFeature {
  const { config, clock, logger, database } = core;
  const storage = createConcernStorage(database.db, database.provider);
  const services = createConcernServices(storage, config.concerns, clock, {
    groupMembers: options.leadGroupMembers ?? null,
    onLeadLookupError: (error) => logger.warn("Could not look up the concern leads' user group", error),
  });
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
    register: async (app) => {
      const [{ registerConcernsListeners }, { ConcernNotifier }] = await Promise.all([
        import("./slack/listeners"),
        import("./slack/notifier"),
      ]);
      const concernNotifier = new ConcernNotifier(
        app.client,
        services.lookup,
        services.triage,
        { triageChannel: config.concerns.triageChannel, leadMention: leadMention(config.concerns) },
        logger,
      );
      warnAboutSettings(config.concerns, logger);
      registerConcernsListeners(app, {
        concerns: services,
        concernDrafts: storage.drafts,
        concernNotifier,
        clock,
        logger,
      });
      const reminders = new ConcernReminderJob({
        reminders: services.reminders,
        notifier: concernNotifier,
        drafts: storage.drafts,
        holidaysFile: config.concerns.bankHolidaysFile,
        clock,
      });
      feature.reminderJob = reminders;
      return [
        new RepeatingJob(
          "concern-reminders",
          REMINDER_INTERVAL_MS,
          async () => void (await reminders.runOnce()),
          logger,
          1_000,
        ),
      ];
    },
  };
  return feature;
}

type ConcernSettings = SharedCore["config"]["concerns"];

/** How reminders call the leads: their user group, or each named lead. */
function leadMention(settings: ConcernSettings): string | null {
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
