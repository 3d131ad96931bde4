import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RecordedCall } from "@localism/slack-standin";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock";
import { APP_NOT_INSTALLED } from "../../src/features/minutes/jobs/outbox-sender";
import { readable } from "../support/bot";
import type { Provider } from "../support/databases";
import { ownFile } from "../support/fixtures";
import { type InstalledTestBot, NORTH, type Place, SOUTH, startInstalledBot } from "../support/installed-bot";
import { MinutesServer } from "../support/minutes-server";
import { waitUntil } from "../support/wait";

const providers: Provider[] = ["sqlite", "postgres"];
const MINUTES_PDF = "example-vale-ccg-governing-body-2012-09-13.pdf";

/** Every token the stand-in ever issued to the app: none may be stored or logged in plain text. */
function issuedTokens(t: InstalledTestBot): string[] {
  return t.standin.callsTo("oauth.v2.access").flatMap((call) => {
    const token = call.response.access_token;
    return typeof token === "string" ? [token] : [];
  });
}

/** What the database holds for installations, read around Prisma's models (the raw table, and the SQLite file). */
async function rawInstallations(t: InstalledTestBot): Promise<string> {
  if (t.databaseUrl.startsWith("file:")) {
    const file = fileURLToPath(new URL(t.databaseUrl.replace(/^file:/, "file://")));
    const bytes = [file, `${file}-wal`].flatMap((path) => {
      try {
        return [readFileSync(path).toString("latin1")];
      } catch {
        return [];
      }
    });
    return bytes.join("\n");
  }
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return JSON.stringify((await client.query('SELECT * FROM "SlackInstallation"')).rows);
  } finally {
    await client.end();
  }
}

function postsBy(t: InstalledTestBot, channel: string): RecordedCall[] {
  return t.standin
    .callsTo("chat.postMessage")
    .filter((call) => call.params.channel === channel && call.response.ok === true && !call.params.thread_ts);
}

async function digestCommand(t: InstalledTestBot, place: Place, text: string): Promise<string> {
  const { slack } = t.team(place);
  const delivered = await slack.slashCommand({
    command: "/digest",
    text,
    user: place.staff.id,
    channel: place.channel.id,
  });
  if (delivered.effect.kind === "ephemeral") return readable(delivered.body);
  const id = delivered.responseUrl.split("/").pop();
  const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 15_000);
  return readable(call.params);
}

describe.each(providers)("installing into several workspaces (%s)", (provider) => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: InstalledTestBot;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(() => t?.close());

  it("installs through /slack/install, answers and posts digests in each with its own token, and stops one when it uninstalls", async () => {
    clock.set(new Date("2026-03-18T10:00:00Z"));
    t = await startInstalledBot({ provider, clock });
    for (const place of [NORTH, SOUTH]) {
      const landed = await t.install(place);
      expect(landed.status).toBe(200);
      expect(await landed.text()).toContain("Thank you");
    }
    const tokens = { north: t.team(NORTH).standin.token, south: t.team(SOUTH).standin.token };
    expect(tokens.north).toMatch(/^xoxb-T0NORTH01-/);
    expect(tokens.south).toMatch(/^xoxb-T0SOUTH01-/);
    expect(await t.bot.installations?.count()).toBe(2);

    // Tokens are stored encrypted: neither the raw table nor the file holds one.
    const raw = await rawInstallations(t);
    expect(raw).toContain("v1.");
    for (const token of issuedTokens(t)) expect(raw).not.toContain(token);
    expect(raw).not.toContain("xoxb-");

    // Each workspace's question is answered in its channel with its own token.
    for (const place of [NORTH, SOUTH]) {
      const { slack, standin } = t.team(place);
      const command = await slack.slashCommand({
        command: "/objectives",
        text: "what does clinical commissioning mean for our autonomy?",
        user: place.staff.id,
        channel: place.channel.id,
      });
      expect(command.status).toBe(200);
      await slack.userMessage({
        user: place.staff.id,
        channel: place.channel.id,
        text: `<@${standin.context.app.botUserId}> who decides what our CCG commissions?`,
      });
      const reply = await t.standin.waitForCall(
        "chat.postMessage",
        (call) => call.params.channel === place.channel.id,
        15_000,
      );
      expect(reply.token).toBe(standin.token);
      expect(reply.response.ok).toBe(true);
    }

    // A digest for each workspace's channel, each posted with that workspace's token.
    for (const place of [NORTH, SOUTH]) {
      expect(await digestCommand(t, place, "subscribe weekly monday 09:00")).toContain("Subscribed");
    }
    server.serve("/ccg.pdf", { body: ownFile(MINUTES_PDF), contentType: "application/pdf" });
    await t.bot.core.features.minutes.sources.add(server.url("/ccg.pdf"), null);
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await t.bot.core.features.minutes.digestJob?.runOnce();
    expect(postsBy(t, NORTH.channel.id).map((call) => call.token)).toEqual([tokens.north]);
    expect(postsBy(t, SOUTH.channel.id).map((call) => call.token)).toEqual([tokens.south]);

    // North uninstalls: its installation and tokens are deleted, its digests stop; South carries on.
    const { slack: north } = t.team(NORTH);
    await north.appUninstalled();
    // Bolt acknowledges events before handling them: wait for the work to stop, as a person would notice.
    await waitUntil(() => t.logs.some((line) => line.includes("Stopped work for T0NORTH01: the app was uninstalled")));
    expect(await t.bot.installations?.count()).toBe(1);
    expect(await t.bot.installations?.find({ teamId: NORTH.team.id })).toBeNull();
    expect(await t.bot.clients.forWorkspace(NORTH.team.id)).toBeNull();
    expect(t.logs.join("\n")).toContain("Stopped work for T0NORTH01: the app was uninstalled");

    server.serve("/board.html", { body: ownFile("nhs-england-style-board-minutes.html"), contentType: "text/html" });
    clock.set(new Date("2026-03-25T12:00:00Z"));
    await t.bot.core.features.minutes.sources.add(server.url("/board.html"), null);
    clock.set(new Date("2026-03-30T09:00:00Z"));
    const before = t.standin.callsTo("chat.postMessage").length;
    await t.bot.core.features.minutes.digestJob?.runOnce();
    await t.bot.core.features.minutes.digestJob?.runOnce();
    const after = t.standin.callsTo("chat.postMessage").slice(before);
    expect(after.every((call) => call.token === tokens.south)).toBe(true);
    expect(after.some((call) => call.params.channel === SOUTH.channel.id)).toBe(true);
    const [northSubscription] = await t.bot.core.features.minutes.digests.inWorkspace(NORTH.team.id);
    expect(northSubscription?.pausedReason).toBe(APP_NOT_INSTALLED);

    // Installing again resumes North's digests with a new token.
    await t.install(NORTH);
    const [resumed] = await t.bot.core.features.minutes.digests.inWorkspace(NORTH.team.id);
    expect(resumed?.pausedAt).toBeNull();
    expect(t.team(NORTH).standin.token).not.toBe(tokens.north);

    // No token, old or new, was ever logged.
    const logged = t.logs.join("\n");
    expect(issuedTokens(t).length).toBeGreaterThanOrEqual(3);
    for (const token of issuedTokens(t)) expect(logged).not.toContain(token);
    expect(logged).not.toContain("xoxb-");
  });
});

describe("a workspace whose token stops working without a word from Slack", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: InstalledTestBot;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(() => t?.close());

  it("pauses its digests at the first refused post, with a log line, and retries nothing; the other workspace is posted", async () => {
    t = await startInstalledBot({ clock });
    await t.install(NORTH);
    await t.install(SOUTH);
    for (const place of [NORTH, SOUTH]) await digestCommand(t, place, "subscribe weekly monday 09:00");
    server.serve("/ccg.pdf", { body: ownFile(MINUTES_PDF), contentType: "application/pdf" });
    await t.bot.core.features.minutes.sources.add(server.url("/ccg.pdf"), null);
    const northToken = t.team(NORTH).standin.token;
    t.team(NORTH).standin.revokeTokens();

    clock.set(new Date("2026-03-23T09:00:00Z"));
    await t.bot.core.features.minutes.digestJob?.runOnce();
    const northCalls = () => t.standin.callsTo("chat.postMessage").filter((call) => call.token === northToken);
    expect(northCalls().map((call) => call.response.error)).toEqual(["token_revoked"]);
    expect(postsBy(t, SOUTH.channel.id)).toHaveLength(1);
    const [paused] = await t.bot.core.features.minutes.digests.inWorkspace(NORTH.team.id);
    expect(paused?.pausedReason).toBe(APP_NOT_INSTALLED);
    expect(t.logs.join("\n")).toMatch(
      /Paused digest subscription \d+ for C0NCOMMIS: the app is not installed in T0NORTH01/,
    );

    clock.set(new Date("2026-03-23T10:00:00Z"));
    await t.bot.core.features.minutes.digestJob?.runOnce();
    clock.set(new Date("2026-03-30T09:00:00Z"));
    await t.bot.core.features.minutes.digestJob?.runOnce();
    expect(northCalls()).toHaveLength(1);
  });
});
