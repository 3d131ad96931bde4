import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SlackStandin } from "@localism/slack-standin";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { CHANNELS, CONCERN_ENV, CONCERN_SEED, FORM, PEOPLE, TRIAGE } from "../features/concerns/slack/support";
import { readable, SIGNING_SECRET, startTestStandin } from "../support/bot";
import { freshDatabaseUrl } from "../support/databases";
import { type BotProcess, botEnvironment, startBotProcess } from "../support/instances";
import { MinutesServer } from "../support/minutes-server";
import { waitUntil } from "../support/wait";

const MINUTES = readFileSync(
  path.resolve(import.meta.dirname, "../fixtures/minutes/wharfedale-ccg-governing-body-2013-01-10.txt"),
  "utf8",
);
const ADMIN = { id: "U0ADMIN01", name: "it.admin", real_name: "IT Admin", is_admin: true };
const DIGEST_CHANNELS = [
  { id: "C0DIGEST1", name: "minutes-north" },
  { id: "C0DIGEST2", name: "minutes-south" },
] as const;

/** Reads the bot's SQLite file from outside the process, as an operator would. */
function count(databaseUrl: string, sql: string): number {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * The built bot (`npm start`) killed with SIGKILL while Slack holds one of its posts open, then
 * started again on the same database: whatever was owed is posted, each exactly once.
 */
describe("a bot process killed while Slack holds its post open", () => {
  const running: ChildProcess[] = [];
  const server = new MinutesServer();
  let standin: SlackStandin | undefined;
  afterEach(async () => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
    await standin?.close();
    standin = undefined;
    await server.close().catch(() => {});
  });

  async function kill(bot: BotProcess): Promise<void> {
    bot.child.kill("SIGKILL");
    await bot.exited;
  }

  it("posts each channel's digest for the period exactly once after a restart", { timeout: 180_000 }, async () => {
    await server.start();
    server.serve("/wharfedale.txt", { body: MINUTES, contentType: "text/plain" });
    standin = await startTestStandin({
      seed: {
        users: [...Object.values(PEOPLE), ADMIN],
        channels: DIGEST_CHANNELS.map((channel) => ({ ...channel, members: [PEOPLE.staff.id, ADMIN.id] })),
      },
    });
    const s = standin;
    const databaseUrl = await freshDatabaseUrl("sqlite");
    const env = botEnvironment(s, databaseUrl, {
      FETCH_ALLOW_PRIVATE_HOSTS: "true",
      FETCH_TIMEOUT_SECONDS: "5",
      // Long enough that the held post is still waiting when the process is killed.
      SLACK_POST_TIMEOUT_SECONDS: "120",
      DIGEST_CHECK_INTERVAL_SECONDS: "5",
    });
    const first = await startBotProcess(env, running, { built: true });
    const digest = async (bot: BotProcess, channel: string, text: string, user: string = ADMIN.id) => {
      const delivered = await s
        .delivery(`${bot.url}/slack/events`, SIGNING_SECRET)
        .slashCommand({ command: "/digest", text, user, channel });
      if (delivered.effect.kind === "ephemeral") return readable(delivered.body);
      const id = delivered.responseUrl.split("/").pop();
      return readable((await s.waitForCall("response_url", (c) => c.params.response_url_id === id, 30_000)).params);
    };
    const [north, south] = DIGEST_CHANNELS;
    expect(await digest(first, north.id, `source add ${server.url("/wharfedale.txt")}`)).toContain("Added source");
    for (const channel of DIGEST_CHANNELS)
      expect(await digest(first, channel.id, "subscribe weekly monday 09:00")).toContain("Subscribed");

    // Slack holds the first digest post open; the process is killed while it waits.
    s.failNext("chat.postMessage", { hang: true });
    for (const channel of DIGEST_CHANNELS)
      expect(await digest(first, channel.id, "now")).toContain("Posting the digest");
    await s.waitForCall("chat.postMessage", (call) => call.status === 0, 30_000);
    await kill(first);
    const digestPosts = (channel: string) =>
      s
        .callsTo("chat.postMessage")
        .filter((call) => call.params.channel === channel && call.response.ok === true && !call.params.thread_ts);
    expect(digestPosts(north.id).length + digestPosts(south.id).length).toBeLessThan(2);

    const second = await startBotProcess(env, running, { built: true });
    await waitUntil(
      () =>
        count(databaseUrl, `SELECT COUNT(*) AS n FROM "SlackOutbox" WHERE "sentAt" IS NULL AND "failedAt" IS NULL`) ===
        0,
      90_000,
    );
    // The period is claimed once per channel, and asking again posts nothing more.
    for (const channel of DIGEST_CHANNELS) {
      expect(await digest(second, channel.id, "now")).toContain("already posted");
      expect(digestPosts(channel.id)).toHaveLength(1);
    }
    expect(count(databaseUrl, `SELECT COUNT(*) AS n FROM "DigestClaim"`)).toBe(2);
  });

  it.each([
    ["before Slack had the DM", false],
    ["after Slack had the DM but before its answer came back", true],
  ])("sends a status-change DM once after a restart, killed %s", { timeout: 180_000 }, async (_when, effectFirst) => {
    standin = await startTestStandin({ seed: CONCERN_SEED });
    const s = standin;
    const databaseUrl = await freshDatabaseUrl("sqlite");
    const env = botEnvironment(s, databaseUrl, { ...CONCERN_ENV, SLACK_POST_TIMEOUT_SECONDS: "120" });
    const first = await startBotProcess(env, running, { built: true });
    const slack = s.delivery(`${first.url}/slack/events`, SIGNING_SECRET);

    const message = s.workspace.postAsUser(
      CHANNELS.commissioning.id,
      PEOPLE.colleague.id,
      "The area team told us to hand our urgent care contract to the neighbouring CCG.",
    );
    const before = s.callsTo("views.update").length;
    await slack.messageShortcut({
      callbackId: "log_autonomy_concern",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
      message,
    });
    await waitUntil(() => s.callsTo("views.update").length > before, 30_000);
    const form = s.openViewsFor(PEOPLE.staff.id).at(-1);
    if (!form) throw new Error("no concern form open");
    expect((await slack.viewSubmission({ user: PEOPLE.staff.id, viewId: form.id, values: FORM })).status).toBe(200);
    const card = () => s.messagesIn(TRIAGE.id).find((m) => !m.thread_ts && /^CON-\d{4}:/.test(m.text));
    await waitUntil(() => card() !== undefined, 30_000);

    // The reporter's DM hangs (or reaches Slack and its answer is lost); the process is killed meanwhile.
    s.failNext("chat.postMessage", effectFirst ? { delayMs: 150_000, effectFirst } : { hang: true });
    await slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "concern_acknowledge",
      container: { type: "message", channel: TRIAGE.id, ts: card()?.ts ?? "" },
    });
    await waitUntil(
      () =>
        count(
          databaseUrl,
          `SELECT COUNT(*) AS n FROM "ConcernOutbox" WHERE "kind" = 'dm' AND "postingAt" IS NOT NULL`,
        ) === 1,
      30_000,
    );
    const statusDms = () =>
      s.messagesIn(s.workspace.dmWith(PEOPLE.staff.id).id).filter((m) => m.text.includes("has been acknowledged"));
    // Killed once Slack has the call: holding it, or having posted it and not yet answered.
    if (effectFirst) await waitUntil(() => statusDms().length === 1, 30_000);
    else await s.waitForCall("chat.postMessage", (call) => call.status === 0, 30_000);
    await kill(first);
    expect(statusDms()).toHaveLength(effectFirst ? 1 : 0);
    s.clearFaults();

    await startBotProcess(env, running, { built: true });
    await waitUntil(
      () => count(databaseUrl, `SELECT COUNT(*) AS n FROM "ConcernOutbox" WHERE "sentAt" IS NULL`) === 0,
      60_000,
    );
    expect(statusDms()).toHaveLength(1);
    expect(s.messagesIn(TRIAGE.id).filter((m) => !m.thread_ts && /^CON-\d{4}:/.test(m.text))).toHaveLength(1);
  });
});
