import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type InjectedFailure,
  type SlackDelivery,
  type SlackStandin,
  type SlackStandinOptions,
  startSlackStandin,
} from "@localism/slack-standin";
import { parse as parseYaml } from "yaml";
import { type RunningBot, startBot } from "../../src/app";
import type { Clock } from "../../src/clock";
import { loadConfig } from "../../src/config";
import { Logger } from "../../src/logger";
import { freshDatabaseUrl, type Provider } from "./databases";

/** Everything a Block Kit message or view says, as one string, for asserting on what a person reads. */
export function readable(value: unknown): string {
  return JSON.stringify(value ?? "")
    .replace(/\\n/g, "\n")
    .replace(/\\"/g, '"');
}

export const SIGNING_SECRET = "8f742231b10e8888abcd99aaabbb85a5";
export const RECEIPT_PEPPER = "test-pepper-0123456789abcdef0123456789abcdef";

/** People and channels of a CCG workspace, used across the integration tests. */
export const PEOPLE = {
  staff: { id: "U0STAFF01", name: "priya.shah", real_name: "Priya Shah" },
  colleague: { id: "U0STAFF02", name: "tom.okafor", real_name: "Tom Okafor" },
  lead: { id: "U0LEAD001", name: "helen.ward", real_name: "Helen Ward" },
} as const;

export const CHANNELS = {
  commissioning: { id: "C0COMMISS", name: "ccg-commissioning" },
  governance: { id: "G0GOVERNA", name: "governing-body-private", is_private: true, botIsMember: false },
} as const;

export interface TestBotOptions {
  provider?: Provider;
  clock?: Clock;
  env?: Record<string, string>;
  standin?: SlackStandinOptions;
  /** Share a database with another test bot (two processes on one database). */
  databaseUrl?: string;
  /** Share a running stand-in with another test bot; it is then not closed with this bot. */
  sharedStandin?: SlackStandin;
  /** Scheduled jobs stay stopped unless asked for: tests run them with `bot.jobs.*.runOnce()`. */
  startJobs?: boolean;
  /** How long a request's body may take to arrive. */
  bodyTimeoutMs?: number;
  /** Web API methods that fail from the start (e.g. auth.test answering 500). */
  slackFailures?: Record<string, InjectedFailure>;
}

export interface TestBot {
  bot: RunningBot;
  standin: SlackStandin;
  slack: SlackDelivery;
  databaseUrl: string;
  /** Every log line the bot wrote. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real bot (Bolt's HTTP receiver on a loopback port, a real database) wired to the Slack
 * stand-in: `slack` delivers signed requests to it as Slack would, `standin` records what it did.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const standin = options.sharedStandin ?? (await startTestStandin(options.standin));
  for (const [method, failure] of Object.entries(options.slackFailures ?? {})) standin.failNext(method, failure);
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl(options.provider ?? "sqlite"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: standin.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    // Scheduled jobs run when a test says so (runOnce), not on a background timer.
    DIGEST_CHECK_INTERVAL_SECONDS: "3600",
    CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
    ...options.env,
  });
  const logs: string[] = [];
  const bot = await startBot(config, {
    clock: options.clock,
    logger: new Logger("debug", (line) => logs.push(line)),
    startJobs: options.startJobs ?? false,
    ...(options.bodyTimeoutMs ? { bodyTimeoutMs: options.bodyTimeoutMs } : {}),
  });
  const slack = standin.delivery(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
  return {
    bot,
    standin,
    slack,
    databaseUrl,
    logs,
    close: async () => {
      await bot.stop();
      if (!options.sharedStandin) await standin.close();
    },
  };
}

/** The bot scopes manifest.yml asks for: what Slack would grant the app, and all the stand-in allows. */
export const MANIFEST_BOT_SCOPES: readonly string[] = (
  parseYaml(readFileSync(path.resolve(import.meta.dirname, "../../manifest.yml"), "utf8")) as {
    oauth_config: { scopes: { bot: string[] } };
  }
).oauth_config.scopes.bot;

/** The stand-in seeded with the people and channels of a CCG workspace, granting the manifest's scopes. */
export function startTestStandin(options: SlackStandinOptions = {}): Promise<SlackStandin> {
  return startSlackStandin({
    botScopes: MANIFEST_BOT_SCOPES,
    ...options,
    seed: options.seed ?? {
      users: Object.values(PEOPLE),
      channels: [
        { ...CHANNELS.commissioning, members: [PEOPLE.staff.id, PEOPLE.colleague.id, PEOPLE.lead.id] },
        { ...CHANNELS.governance, members: [PEOPLE.staff.id, PEOPLE.lead.id] },
      ],
    },
  });
}
