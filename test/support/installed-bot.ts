import { randomBytes } from "node:crypto";
import type { SlackDelivery, SlackStandin } from "@localism/slack-standin";
import { expect } from "vitest";
import { type RunningBot, startBot } from "../../src/app";
import type { Clock } from "../../src/clock";
import { loadConfig } from "../../src/config";
import { Logger } from "../../src/logger";
import { RECEIPT_PEPPER, SIGNING_SECRET, startTestStandin } from "./bot";
import { freshDatabaseUrl, type Provider } from "./databases";

const STATE_SECRET = "state-secret-0123456789abcdef0123456789abcdef";

/** A fresh AES-256 key, base64 as TOKEN_ENCRYPTION_KEY takes it. */
function newEncryptionKey(): string {
  return randomBytes(32).toString("base64");
}

/** The settings of the bot in install mode (no bot token: Slack's OAuth through the stand-in), on a loopback port. */
export function installModeEnv(standin: SlackStandin, databaseUrl: string): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CLIENT_ID: standin.oauth.clientId,
    SLACK_CLIENT_SECRET: standin.oauth.clientSecret,
    SLACK_STATE_SECRET: STATE_SECRET,
    TOKEN_ENCRYPTION_KEY: newEncryptionKey(),
    SLACK_AUTHORIZE_URL: standin.authorizeUrl,
    SLACK_API_URL: standin.apiUrl,
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
  };
}

/** Two CCG workspaces, each with its own people and channels (ids differ so a leak would show). */
export const NORTH = {
  team: { id: "T0NORTH01", name: "North Vale CCG" },
  staff: { id: "U0NSTAFF1", name: "nadia.ahmed", real_name: "Nadia Ahmed" },
  channel: { id: "C0NCOMMIS", name: "north-commissioning" },
} as const;

export const SOUTH = {
  team: { id: "T0SOUTH01", name: "South Vale CCG" },
  staff: { id: "U0SSTAFF1", name: "sam.jones", real_name: "Sam Jones" },
  channel: { id: "C0SCOMMIS", name: "south-commissioning" },
} as const;

/** An Enterprise Grid member of both workspaces: Grid user ids (W…) are the same in every workspace of the org. */
export const SHARED = { id: "W0SHARED1", name: "grace.hill", real_name: "Grace Hill" } as const;

export type Place = typeof NORTH | typeof SOUTH;

export interface InstalledTestBot {
  bot: RunningBot;
  standin: SlackStandin;
  databaseUrl: string;
  logs: string[];
  /** The stand-in's view of a workspace (its token, its messages) and Slack's deliveries from it. */
  team(place: Place): { standin: SlackStandin; slack: SlackDelivery };
  /** A browser installing the app: /slack/install, Slack's authorize page, back to /slack/oauth_redirect. */
  install(place: Place): Promise<Response>;
  close(): Promise<void>;
}

/** The bot in install mode (no SLACK_BOT_TOKEN) over real HTTP, with two workspaces on the stand-in. */
export async function startInstalledBot(
  options: { provider?: Provider; clock?: Clock; env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<InstalledTestBot> {
  const standin = await startTestStandin();
  for (const place of [NORTH, SOUTH]) {
    standin.addTeam({
      team: place.team,
      seed: {
        users: [place.staff, SHARED],
        channels: [{ ...place.channel, members: [place.staff.id, SHARED.id] }],
      },
    });
  }
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl(options.provider ?? "sqlite"));
  const config = loadConfig({
    ...installModeEnv(standin, databaseUrl),
    DIGEST_CHECK_INTERVAL_SECONDS: "3600",
    FETCH_ALLOW_PRIVATE_HOSTS: "true",
    FETCH_TIMEOUT_SECONDS: "2",
    CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
    ...options.env,
  });
  const logs: string[] = [];
  const bot = await startBot(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    logger: new Logger("debug", (line) => logs.push(line)),
    startJobs: false,
  });
  const appUrl = `http://127.0.0.1:${bot.port}`;
  standin.oauth.redirectUrls.push(`${appUrl}/slack/oauth_redirect`);
  return {
    bot,
    standin,
    databaseUrl,
    logs,
    team: (place) => {
      const view = standin.team(place.team.id);
      return { standin: view, slack: view.delivery(`${appUrl}/slack/events`, SIGNING_SECRET) };
    },
    install: async (place) => {
      const page = await fetch(`${appUrl}/slack/install`, { redirect: "manual" });
      const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const link =
        page.headers.get("location") ?? /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, "&") ?? "";
      const authorize = new URL(link);
      expect(`${authorize.origin}${authorize.pathname}`).toBe(standin.authorizeUrl);
      authorize.searchParams.set("team", place.team.id);
      authorize.searchParams.set("user", place.staff.id);
      const approved = await fetch(authorize, { redirect: "manual" });
      expect(approved.status).toBe(302);
      return fetch(approved.headers.get("location") ?? "", { headers: { cookie }, redirect: "manual" });
    },
    close: async () => {
      await bot.stop();
      await standin.close();
    },
  };
}
