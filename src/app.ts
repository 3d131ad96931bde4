import type { AddressInfo } from "node:net";
import { App, type LogLevel } from "@slack/bolt";
import type { Config } from "./config";
import { type Core, type CoreOptions, createCore } from "./core";
import type { GroupMembers } from "./features/concerns";
import type { RepeatingJob } from "./jobs/repeating-job";
import { Logger } from "./logger";
import { registerAppHome } from "./slack/app-home";
import { registerWorkspaceTracking } from "./slack/workspace-tracking";

export { type Core, createCore } from "./core";

export interface BotOptions extends CoreOptions {
  /** Scheduled jobs start with the bot unless false (tests drive them by hand). */
  startJobs?: boolean;
}

export interface RunningBot {
  core: Core;
  app: App;
  /** Every scheduled job, started and stopped together. */
  jobs: RepeatingJob[];
  /** The loopback or public port in HTTP mode; null in Socket Mode. */
  port: number | null;
  stop(): Promise<void>;
}

/** The composition root: the core, the Bolt app with each feature's listeners, and one job runner. */
export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
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
  const leadGroupMembers: GroupMembers = async (usergroup) =>
    (await app.client.usergroups.users.list({ usergroup })).users ?? [];
  const core = await createCore(config, { ...options, logger, leadGroupMembers });
  const { objectives, concerns, minutes } = core.features;

  registerWorkspaceTracking(app, core);
  const jobs = (await Promise.all([objectives, concerns, minutes].map((feature) => feature.register(app)))).flat();
  registerAppHome(app, {
    frame: (sections) => objectives.homeView(sections),
    sections: [
      { name: "concerns", blocks: (workspaceId, userId) => concerns.homeSection(workspaceId, userId) },
      { name: "digests", blocks: (workspaceId) => minutes.homeSection(workspaceId) },
    ],
    logger: core.logger,
  });
  app.error(async (error) => core.logger.error("Unhandled error in a listener", error));

  await recordInstalledWorkspace(app, core);
  const server = socketMode ? await app.start() : await app.start({ port: config.port, host: config.host });
  const address = socketMode
    ? null
    : ((server as { address(): AddressInfo | string | null }).address() as AddressInfo | null);
  const port = address?.port ?? null;
  core.logger.info(
    socketMode
      ? "localism-bot connected to Slack in Socket Mode"
      : `localism-bot listening on http://${config.host}:${port}/slack/events`,
  );
  if (options.startJobs !== false) for (const job of jobs) job.start();
  return {
    core,
    app,
    jobs,
    port,
    stop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
      await app.stop();
      await core.close();
    },
  };
}

/** The workspace the bot token belongs to is recorded at start-up, with its name. */
async function recordInstalledWorkspace(app: App, core: Core): Promise<void> {
  try {
    const identity = await app.client.auth.test();
    if (identity.team_id) await core.workspaces.recordSeen(identity.team_id, identity.team ?? null);
  } catch (error) {
    core.logger.warn(
      "Could not identify the workspace at start-up (auth.test failed); it will be recorded on its first request",
      error,
    );
  }
}
