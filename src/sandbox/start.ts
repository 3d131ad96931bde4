import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type SlackStandin, startSlackStandin } from "@localism/slack-standin";
import { type RunningBot, startBot } from "../app";
import type { Clock } from "../clock";
import { isLoopbackHost, type SandboxConfig, sandboxBotConfig } from "../config";
import { Logger } from "../logger";
import { sqliteFilePath } from "../storage/database";
import { loadManifest } from "./manifest";
import { FEED_PATH, SampleMinutes } from "./minutes";
import { applySeed, botEnvironment, loadSeed } from "./seed";
import { SandboxActions } from "./server/actions";
import { buildPageScript } from "./server/client-bundle";
import { loadPageAssets, sandboxRequestHandler } from "./server/http";

export interface SandboxOptions {
  clock?: Clock;
  logger?: Logger;
  /** The workspace to seed (default src/sandbox/fixtures/workspace.yaml). */
  seedFile?: string;
}

export interface RunningSandbox {
  /** Where a person opens the page, e.g. "http://localhost:3000". */
  url: string;
  port: number;
  standin: SlackStandin;
  bot: RunningBot;
  stop(): Promise<void>;
}

/** The address to show: loopback and wildcard addresses as localhost, others as they are. */
export function displayUrl(host: string, port: number): string {
  const wildcard = host === "0.0.0.0" || host === "::";
  if (wildcard || isLoopbackHost(host)) return `http://localhost:${port}`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** The sandbox's own database starts empty each time, like the workspace, which lives in memory. */
function emptySandboxDatabase(config: SandboxConfig): void {
  if (!config.freshDatabase || config.database.provider !== "sqlite") return;
  const file = sqliteFilePath(config.database.url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is in use on ${host}: set PORT to a free one, e.g. PORT=${port + 1} npm start`)
          : error,
      );
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * The whole bot on one machine: the stand-in for Slack seeded with a CCG workspace, the real bot
 * (Bolt's HTTP receiver on a loopback port, signed requests, its Web API client pointed at the
 * stand-in) and the page people use, on `config.host:config.port`.
 */
export async function startSandbox(config: SandboxConfig, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const logger = options.logger ?? new Logger(config.logLevel);
  const manifest = loadManifest();
  const seed = loadSeed(options.seedFile);
  let handler: RequestListener | undefined;
  const server = createServer((req, res) =>
    handler ? handler(req, res) : res.writeHead(503, { "retry-after": "1" }).end("The sandbox is starting"),
  );
  const port = await listen(server, config.port, config.host);
  const url = displayUrl(config.host, port);
  const feedUrl = `${url}${FEED_PATH}`;
  const started: { standin?: SlackStandin; bot?: RunningBot } = {};
  try {
    const standin = await startSlackStandin({
      clock: options.clock,
      team: { name: seed.workspace.name, domain: seed.workspace.domain },
      app: { botName: manifest.botName },
    });
    started.standin = standin;
    applySeed(standin, seed, { feedUrl });
    emptySandboxDatabase(config);
    const randomSecret = () => randomBytes(32).toString("hex");
    const signingSecret = randomSecret();
    const botConfig = sandboxBotConfig(config, {
      ...botEnvironment(seed, config.inherited, randomSecret),
      SLACK_BOT_TOKEN: standin.token,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: standin.apiUrl,
      HOST: "127.0.0.1",
      PORT: "0",
    });
    const bot = await startBot(botConfig, { clock: options.clock, logger });
    started.bot = bot;
    const world = { standin, manifest, seed, feedUrl };
    const delivery = standin.delivery(`http://127.0.0.1:${bot.port}/slack/events`, signingSecret, undefined, {
      subscriptions: manifest.botEvents,
    });
    handler = sandboxRequestHandler({
      world,
      standin,
      actions: new SandboxActions(world, delivery),
      minutes: new SampleMinutes(),
      assets: loadPageAssets(await buildPageScript()),
      guard: { loopbackOnly: isLoopbackHost(config.host) },
      onError: (error) => logger.error("The sandbox page server failed", error),
    });
    return { url, port, standin, bot, stop: () => stopAll(server, bot, standin) };
  } catch (error) {
    await stopAll(server, started.bot, started.standin);
    throw error;
  }
}

async function stopAll(server: Server, bot: RunningBot | undefined, standin: SlackStandin | undefined): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await bot?.stop();
  await standin?.close();
}
