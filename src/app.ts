import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type Installation, type LogLevel } from "@slack/bolt";
import type { Config, InstallSettings, SlackSettings } from "./config";
import { type Core, type CoreOptions, createCore } from "./core";
import type { GroupMembers } from "./features/concerns";
import { RepeatingJob } from "./jobs/repeating-job";
import { Logger } from "./logger";
import { Ops } from "./ops";
import { currentRequest } from "./request-context";
import { registerAppHome } from "./slack/app-home";
import { createFrontDoor, type Readiness } from "./slack/front-door";
import { installationStored, registerInstallation, type UninstallHooks } from "./slack/installation";
import { ListenerRouter } from "./slack/listener-router";
import { BOT_SCOPES } from "./slack/scopes";
import { useMetadataSecret } from "./slack/signed-metadata";
import { wellFormedInput } from "./slack/well-formed-input";
import { InstalledClients, SingleTokenClients, type WorkspaceClients } from "./slack/workspace-clients";
import { registerWorkspaceTracking } from "./slack/workspace-tracking";
import { InstallationRepository } from "./storage/installations";
import { SeenRequests } from "./storage/seen-requests";
import { TokenCipher } from "./storage/token-cipher";

export { type Core, createCore } from "./core";

export interface BotOptions extends CoreOptions {
  /** Scheduled jobs start with the bot unless false (tests drive them by hand). */
  startJobs?: boolean;
  /** How long a request's body may take to arrive (HTTP mode). */
  bodyTimeoutMs?: number;
}

/** Calls made while someone waits (listeners): a bounded time, a couple of quick retries. */
const LISTENER_CLIENT_OPTIONS = {
  timeout: 10_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
};
const AUTH_RECHECK_MS = 30_000;
/** A request that arrives while the token is still being checked waits this long, inside Slack's 3 seconds. */
const APP_READY_WAIT_MS = 2_000;

export interface RunningBot {
  core: Core;
  app: App;
  /** Every scheduled job, started and stopped together. */
  jobs: RepeatingJob[];
  /** The loopback or public port in HTTP mode; null in Socket Mode. */
  port: number | null;
  /** Each workspace's Slack client, for work done outside a request. */
  clients: WorkspaceClients;
  /** The installation store (install mode); null with one bot token. */
  installations: InstallationRepository | null;
  /** Where GET /metrics listens; null without METRICS_PORT. */
  metricsPort: number | null;
  /** Drains in flight work on stop; metrics. */
  ops: Ops;
  stop(): Promise<void>;
}

/** The composition root: the core, the Bolt app with each feature's listeners, and one job runner. */
export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  if (!config.slack) throw new Error("startBot needs Slack settings");
  const { slack } = config;
  useMetadataSecret(slack.signingSecret);
  const logger = options.logger ?? new Logger(config.logLevel, undefined, { format: config.logFormat });
  const socketMode = Boolean(slack.appToken);
  const install = slack.install;
  // Filled in once the core (and its database) exists; Bolt asks it only when a request arrives.
  let installations: InstallationRepository | null = null;
  let afterInstall: (installation: Installation) => Promise<void> = async () => {};
  const installationStore = install
    ? lateInstallationStore(
        () => installations,
        (installation) => afterInstall(installation),
      )
    : undefined;
  Ops.prepare(config);
  const receiver = socketMode
    ? null
    : new HTTPReceiver({
        signingSecret: slack.signingSecret,
        // The front door below verifies every request's signature and refuses the unsigned.
        signatureVerification: false,
        logger,
        logLevel: logger.getLevel() as LogLevel,
        ...(install && installationStore ? oauthOptions(slack, install, installationStore) : {}),
      });
  const app = new App({
    ...(slack.botToken ? { token: slack.botToken } : {}),
    ...(receiver ? { receiver } : { signingSecret: slack.signingSecret, appToken: slack.appToken, socketMode }),
    logger,
    logLevel: logger.getLevel() as LogLevel,
    clientOptions: { slackApiUrl: slack.apiUrl, ...LISTENER_CLIENT_OPTIONS },
    // No listener keeps conversation state, so Bolt's in-memory conversation store is only a cost.
    convoStore: false,
    // Bolt checks the token with auth.test once initialised; that is done below, beside the server,
    // so that a Slack outage delays readiness rather than the port, and a failed check is retried.
    deferInitialization: true,
  });
  let clients: WorkspaceClients | null = null;
  const leadGroupMembers: GroupMembers = async (usergroup) => {
    // Outside a request there is no workspace to ask in install mode; with one token any will do.
    const client = await clients?.forWorkspace(currentRequest()?.workspaceId ?? null);
    return client ? ((await client.usergroups.users.list({ usergroup })).users ?? []) : [];
  };
  const core = await createCore(config, { ...options, logger, leadGroupMembers });
  const { objectives, concerns, minutes, settings } = core.features;
  if (install) installations = new InstallationRepository(core.database.db, new TokenCipher(install.encryptionKeys));
  clients = installations
    ? new InstalledClients({
        installations,
        workspaces: core.workspaces,
        slackApiUrl: slack.apiUrl,
        logger,
        postTimeoutMs: config.minutes.postTimeoutMs,
      })
    : new SingleTokenClients(slack.botToken as string, slack.apiUrl, logger, config.minutes.postTimeoutMs);
  const workspaceClients = clients;
  const ops = new Ops(config, core);
  ops.registerWithBolt(app);
  app.use(wellFormedInput);

  registerWorkspaceTracking(app, core);
  // The last global middleware: the listeners registered by exact id, found in a map (see the router).
  const listeners = new ListenerRouter(app).app;
  const hooks: UninstallHooks = {
    installed: (workspaceId) => minutes.workspaceInstalled(workspaceId),
    uninstalled: (workspaceId) => minutes.workspaceUninstalled(workspaceId),
  };
  const installationDeps = { workspaces: core.workspaces, clients: workspaceClients, hooks, logger: core.logger };
  registerInstallation(listeners, { ...installationDeps, installations });
  afterInstall = (installation) => installationStored(installation, installationDeps);
  const jobs = (
    await Promise.all([objectives, concerns, minutes].map((feature) => feature.register(listeners, workspaceClients)))
  ).flat();
  const publishHome = registerAppHome(listeners, {
    frame: (sections) => objectives.homeView(sections),
    sections: [
      { name: "concerns", blocks: (workspaceId, userId) => concerns.homeSection(workspaceId, userId) },
      { name: "digests", blocks: (workspaceId) => minutes.homeSection(workspaceId) },
      { name: "settings", blocks: (workspaceId, userId) => settings.homeSection(workspaceId, userId) },
    ],
    logger: core.logger,
  });
  await settings.register(listeners, workspaceClients, publishHome);
  app.error(async (error) => core.logger.error("Unhandled error in a listener", error));

  const slackAuth = new SlackAuthState();
  // Install mode has no token of its own to check: each workspace's is checked as it installs.
  const checkSlackAuth = install
    ? async () => {
        await app.init();
        slackAuth.succeeded();
      }
    : () => recordInstalledWorkspace(app, core, slackAuth);
  jobs.push(
    new RepeatingJob(
      "slack-auth-check",
      AUTH_RECHECK_MS,
      async () => {
        if (slackAuth.current !== "ok") await checkSlackAuth();
      },
      core.logger,
    ),
  );
  let port: number | null = null;
  let server: Server | null = null;
  if (receiver) {
    const seenRequests = new SeenRequests(core.database.db);
    server = createFrontDoor({
      requestListener: receiver.requestListener,
      signingSecret: slack.signingSecret,
      logger: core.logger,
      readiness: () => readiness(core, slackAuth),
      appReady: () => slackAuth.settled(APP_READY_WAIT_MS),
      ops: ops.frontDoor,
      firstSighting: (key, expiresAt) => seenRequests.firstSighting(key, core.clock.now(), expiresAt),
      ...(options.bodyTimeoutMs ? { bodyTimeoutMs: options.bodyTimeoutMs } : {}),
    });
    port = await listen(server, config.port, config.host);
    core.logger.info(`localism-bot listening on http://${config.host}:${port}/slack/events`);
    if (install)
      core.logger.info(`Install mode: add the app to a workspace at http://${config.host}:${port}/slack/install`);
    void checkSlackAuth();
  } else {
    await checkSlackAuth();
    if (slackAuth.current !== "ok") throw new Error(`Slack refused the bot token (${slackAuth.current})`);
    await app.start();
    core.logger.info("localism-bot connected to Slack in Socket Mode");
  }
  const metricsPort = await ops.start();
  if (options.startJobs !== false) for (const job of jobs) job.start();
  return {
    core,
    app,
    jobs,
    port,
    clients: workspaceClients,
    installations,
    metricsPort,
    ops,
    stop: () => ops.shutdown({ jobs, server, app, socketMode }),
  };
}

/** Bolt's OAuth: /slack/install and /slack/oauth_redirect on the receiver, installations in the database. */
function oauthOptions(
  slack: SlackSettings,
  install: InstallSettings,
  installationStore: InstallationRepository | ReturnType<typeof lateInstallationStore>,
) {
  return {
    clientId: install.clientId,
    clientSecret: install.clientSecret,
    stateSecret: install.stateSecret,
    installationStore,
    scopes: [...BOT_SCOPES],
    installerOptions: {
      installPath: "/slack/install",
      redirectUriPath: "/slack/oauth_redirect",
      authorizationUrl: install.authorizeUrl,
      clientOptions: { slackApiUrl: slack.apiUrl, timeout: 10_000 },
      stateVerification: true,
    },
  };
}

/** The installation store, before the database behind it is open (Bolt wants it when the app is built). */
function lateInstallationStore(
  current: () => InstallationRepository | null,
  stored: (installation: Installation) => Promise<void>,
) {
  const store = () => {
    const repository = current();
    if (!repository) throw new Error("The installation store is not open yet");
    return repository;
  };
  return {
    storeInstallation: (async (installation: Installation) => {
      await store().storeInstallation(installation);
      await stored(installation);
    }) as InstallationRepository["storeInstallation"],
    fetchInstallation: ((query) => store().fetchInstallation(query)) as InstallationRepository["fetchInstallation"],
    deleteInstallation: ((query) => store().deleteInstallation(query)) as InstallationRepository["deleteInstallation"],
  };
}

/**
 * The workspace the bot token belongs to is recorded at start-up, with its name. In HTTP mode this
 * runs beside the server, so the port opens whatever Slack's state; readiness reports the outcome.
 */
async function recordInstalledWorkspace(app: App, core: Core, state: SlackAuthState): Promise<void> {
  try {
    await app.init();
    const identity = await app.client.auth.test();
    if (identity.team_id) await core.workspaces.recordSeen(identity.team_id, identity.team ?? null);
    state.succeeded();
  } catch (error) {
    state.failed(error);
    core.logger.warn(
      "Could not identify the workspace at start-up (auth.test failed); it will be recorded on its first request",
      error,
    );
  }
}

/** What the bot last learnt of its Slack token: checking, valid, or why not. */
class SlackAuthState {
  private state = "checking";
  private readonly waiting = new Set<() => void>();
  succeeded(): void {
    this.state = "ok";
    for (const wake of this.waiting) wake();
  }
  /** True once the token is valid; waits up to `ms` for a check in progress. */
  async settled(ms: number): Promise<boolean> {
    if (this.state === "ok") return true;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiting.add(wake);
    });
    return this.state === "ok";
  }
  failed(error: unknown): void {
    this.state = `failed: ${slackErrorText(error)}`;
  }
  get current(): string {
    return this.state;
  }
}

function slackErrorText(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}

/** Ready: the database answers (migrations ran at start-up) and Slack accepted the token. */
async function readiness(core: Core, slackAuth: SlackAuthState): Promise<Readiness> {
  const database = await core.database.db.$queryRawUnsafe("SELECT 1").then(
    () => "ok",
    (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  const checks = { database, migrations: "ok", slack: slackAuth.current };
  return { ok: database === "ok" && slackAuth.current === "ok", checks };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
