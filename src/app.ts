import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { systemClock, type Clock } from "./clock";
import type { Config } from "./config";
import { createConcernServices, type GroupMembers } from "./features/concerns/domain";
import { createObjectivesAssistant } from "./features/objectives/domain/answer";
import { ConcernReminderJob } from "./features/concerns/jobs/concern-reminders";
import { AskService } from "./features/objectives/domain/ask-service";
import { loadKnowledgeBase } from "./features/objectives/domain/knowledge-base";
import { Logger } from "./logger";
import { createMinutesFeature } from "./features/minutes/index";
import { ConcernNotifier } from "./features/concerns/slack/notifier";
import { registerListeners } from "./slack/listeners";
import type { ListenerDeps } from "./slack/deps";
import { openDatabase, tuneDatabase, type Database } from "./storage/database";
import { createConcernStorage } from "./features/concerns/storage";
import { migrateDatabase } from "./storage/migrate";
import { QuestionRepository } from "./features/objectives/storage/questions";
import { WorkspaceRepository } from "./storage/workspaces";

export interface CoreOptions {
  clock?: Clock;
  logger?: Logger;
  /** Looks up a Slack user group's members (concern leads); absent without Slack. */
  leadGroupMembers?: GroupMembers;
  /** Scheduled jobs (reminders) start with the bot unless false (tests drive them by hand). */
  startJobs?: boolean;
}

/** Everything but Slack: knowledge, storage and the domain services. The CLI uses exactly this. */
export interface Core {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: Database;
  services: Omit<ListenerDeps, "clock" | "logger" | "concernNotifier">;
  close(): Promise<void>;
}

export async function createCore(config: Config, options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? new Logger(config.logLevel);
  const kb = loadKnowledgeBase(config.knowledgeDir);
  const assistant = createObjectivesAssistant(kb);
  const database = await openDatabase(config.database.url);
  await migrateDatabase(config.database.url, config.database.provider, database.db);
  await tuneDatabase(database);
  const questions = new QuestionRepository(database.db, (error) => logger.error("Could not record questions", error));
  const answer = (question: string) => assistant.ask(question);
  // ---- Concerns (issue 3) ----
  const concernStorage = createConcernStorage(database.db, database.provider);
  const concerns = createConcernServices(concernStorage, config.concerns, clock, {
    groupMembers: options.leadGroupMembers ?? null,
    onLeadLookupError: (error) => logger.warn("Could not look up the concern leads' user group", error),
  });
  // --- Minutes and digests (issue 4): stored minutes are loaded into the objectives search index. ---
  const minutes = await createMinutesFeature({
    config,
    db: database.db,
    kb,
    index: assistant.index,
    clock,
    logger,
    concernCounts: ({ workspaceId, start, end }) => concernStorage.reads.raisedByObjective(workspaceId, start, end),
  });
  // --- end minutes and digests ---
  return {
    config,
    clock,
    logger,
    database,
    services: {
      kb,
      findObjective: (text) => assistant.findObjective(text),
      answer,
      askService: new AskService(answer, questions, clock),
      questions,
      workspaces: new WorkspaceRepository(database.db),
      minutes,
      // ---- Concerns (issue 3) ----
      concerns,
      concernDrafts: concernStorage.drafts,
    },
    close: async () => {
      await questions.flush().catch((error: unknown) => logger.error("Could not record questions", error));
      await database.close();
    },
  };
}

export interface RunningBot {
  core: Core;
  app: App;
  jobs: { concernReminders: ConcernReminderJob };
  /** The loopback or public port in HTTP mode; null in Socket Mode. */
  port: number | null;
  stop(): Promise<void>;
}

/** The composition root: core services, the Bolt app and its listeners, started in Socket Mode or HTTP mode. */
export async function startBot(config: Config, options: CoreOptions = {}): Promise<RunningBot> {
  if (!config.slack) throw new Error("startBot needs Slack settings");
  const { slack } = config;
  const logger = options.logger ?? new Logger(config.logLevel);
  const socketMode = Boolean(slack.appToken);
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    appToken: slack.appToken,
    socketMode,
    logger,
    logLevel: logger.getLevel() as LogLevel,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  const leadGroupMembers: GroupMembers = async (usergroup) => (await app.client.usergroups.users.list({ usergroup })).users ?? [];
  const core = await createCore(config, { ...options, logger, leadGroupMembers });
  // ---- Concerns (issue 3): Slack-side notifier and the reminders job ----
  const { concerns } = core.services;
  const concernNotifier = new ConcernNotifier(app.client, concerns.lookup, concerns.triage, { triageChannel: config.concerns.triageChannel, leadMention: leadMention(config) }, core.logger);
  const concernReminders = new ConcernReminderJob({
    reminders: concerns.reminders,
    notifier: concernNotifier,
    drafts: core.services.concernDrafts,
    holidaysFile: config.concerns.bankHolidaysFile,
    clock: core.clock,
    logger: core.logger,
  });
  warnAboutConcernSettings(config, core.logger);
  registerListeners(app, { ...core.services, concernNotifier, clock: core.clock, logger: core.logger });
  app.error(async (error) => core.logger.error("Unhandled error in a listener", error));

  await recordInstalledWorkspace(app, core);
  const server = socketMode ? await app.start() : await app.start({ port: config.port, host: config.host });
  const address = socketMode ? null : ((server as { address(): AddressInfo | string | null }).address() as AddressInfo | null);
  const port = address?.port ?? null;
  core.services.minutes.jobs.start();
  core.logger.info(socketMode ? "localism-bot connected to Slack in Socket Mode" : `localism-bot listening on http://${config.host}:${port}/slack/events`);
  if (options.startJobs !== false) concernReminders.start();
  return {
    core,
    app,
    jobs: { concernReminders },
    port,
    stop: async () => {
      await core.services.minutes.jobs.stop();
      await concernReminders.stop();
      await app.stop();
      await core.close();
    },
  };
}

/** The workspace the bot token belongs to is recorded at start-up, with its name. */
async function recordInstalledWorkspace(app: App, core: Core): Promise<void> {
  try {
    const identity = await app.client.auth.test();
    if (identity.team_id) await core.services.workspaces.recordSeen(identity.team_id, identity.team ?? null);
  } catch (error) {
    core.logger.warn("Could not identify the workspace at start-up (auth.test failed); it will be recorded on its first request", error);
  }
}

/** How reminders call the leads: their user group, or each named lead. */
function leadMention(config: Config): string | null {
  if (config.concerns.leadGroup) return `<!subteam^${config.concerns.leadGroup}>`;
  return config.concerns.leads.length > 0 ? config.concerns.leads.map((id) => `<@${id}>`).join(" ") : null;
}

function warnAboutConcernSettings(config: Config, logger: Logger): void {
  if (!config.concerns.triageChannel) {
    logger.warn("CONCERN_TRIAGE_CHANNEL is not set: concerns are stored but not posted for triage, and no reminders are sent.");
  }
  if (config.concerns.leads.length === 0 && !config.concerns.leadGroup) {
    logger.warn("Neither CONCERN_LEADS nor CONCERN_LEAD_GROUP is set: nobody can acknowledge or resolve concerns.");
  }
}
