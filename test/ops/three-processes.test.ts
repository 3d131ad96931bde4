import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SlackDelivery, SlackStandin } from "@localism/slack-standin";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECEIPT_PEPPER, readable, SIGNING_SECRET, startTestStandin } from "../support/bot";
import { freshPostgresUrl } from "../support/databases";
import { installModeEnv } from "../support/installed-bot";
import { type BotProcess, readyz, startBotProcess } from "../support/instances";
import { MinutesServer } from "../support/minutes-server";
import { waitUntil } from "../support/wait";

const MINUTES = readFileSync(
  path.resolve(import.meta.dirname, "../fixtures/minutes/wharfedale-ccg-governing-body-2013-01-10.txt"),
  "utf8",
);

/** Two CCG workspaces; in each, an admin (who may add sources) and a member of staff. */
const PLACES = [
  {
    team: { id: "T0NORTH01", name: "North Vale CCG" },
    admin: { id: "U0NADMIN1", name: "nadia.ahmed", real_name: "Nadia Ahmed", is_admin: true },
    staff: { id: "U0NSTAFF1", name: "olu.bello", real_name: "Olu Bello" },
    channel: { id: "C0NCOMMIS", name: "north-commissioning" },
  },
  {
    team: { id: "T0SOUTH01", name: "South Vale CCG" },
    admin: { id: "U0SADMIN1", name: "sam.jones", real_name: "Sam Jones", is_admin: true },
    staff: { id: "U0SSTAFF1", name: "ria.patel", real_name: "Ria Patel" },
    channel: { id: "C0SCOMMIS", name: "south-commissioning" },
  },
] as const;
type Place = (typeof PLACES)[number];

/** A daily digest time in the UK a minute or two from now, so that it falls due during the test. */
function ukTimeSoon(): string {
  const at = new Date(Date.now() + 120_000);
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(at);
}

/**
 * A deployment of three bot processes (`npm start`'s build) on one PostgreSQL database, with
 * Slack's requests shared round-robin between them as a load balancer shares them: two workspaces
 * install through the OAuth flow, people ask questions, raise concerns and subscribe to digests,
 * and one process is killed with SIGKILL in the middle. Nothing is lost or done twice.
 */
describe.skipIf(!process.env.TEST_POSTGRES_URL)("three bot processes behind a round-robin on one PostgreSQL", () => {
  const server = new MinutesServer();
  const running: ChildProcess[] = [];
  let standin: SlackStandin;
  let databaseUrl: string;
  let bots: BotProcess[] = [];
  let alive: BotProcess[] = [];
  let turn = 0;

  beforeAll(async () => {
    await server.start();
    standin = await startTestStandin({ seed: { users: [], channels: [] } });
    for (const place of PLACES) {
      standin.addTeam({
        team: place.team,
        seed: {
          users: [place.admin, place.staff],
          channels: [{ ...place.channel, members: [place.admin.id, place.staff.id] }],
        },
      });
    }
    databaseUrl = await freshPostgresUrl();
    const env = {
      PATH: process.env.PATH ?? "",
      ...installModeEnv(standin, databaseUrl),
      LOG_FORMAT: "json",
      CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
      FETCH_ALLOW_PRIVATE_HOSTS: "true",
      FETCH_TIMEOUT_SECONDS: "5",
      MINUTES_POLL_INTERVAL_MINUTES: "1",
      DIGEST_CHECK_INTERVAL_SECONDS: "5",
    };
    bots = await Promise.all([1, 2, 3].map(() => startBotProcess(env, running, { built: true })));
    await waitUntil(
      async () => (await Promise.all(bots.map((bot) => readyz(bot.url)))).every((s) => s === 200),
      60_000,
    );
    alive = [...bots];
    for (const bot of bots) standin.oauth.redirectUrls.push(`${bot.url}/slack/oauth_redirect`);
  }, 120_000);

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
    await standin?.close();
    await server.close();
  });

  /** The next live process, in turn, as a round-robin load balancer picks one. */
  function next(): BotProcess {
    return alive[turn++ % alive.length] as BotProcess;
  }
  function slackVia(bot: BotProcess, place: Place): SlackDelivery {
    return standin.team(place.team.id).delivery(`${bot.url}/slack/events`, SIGNING_SECRET);
  }

  /** A browser installing the app: the install page from one process, the redirect back to another. */
  async function install(place: Place, start: BotProcess, finish: BotProcess): Promise<Response> {
    const page = await fetch(`${start.url}/slack/install`, { redirect: "manual" });
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const link =
      page.headers.get("location") ?? /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, "&") ?? "";
    const authorize = new URL(link);
    authorize.searchParams.set("team", place.team.id);
    authorize.searchParams.set("user", place.admin.id);
    const approved = await fetch(authorize, { redirect: "manual" });
    expect(approved.status).toBe(302);
    const back = new URL(approved.headers.get("location") ?? "");
    return fetch(`${finish.url}${back.pathname}${back.search}`, { headers: { cookie }, redirect: "manual" });
  }

  /** What a person sees after a slash command: the acknowledgement, or the reply sent to its response_url. */
  async function command(bot: BotProcess, place: Place, name: string, text: string, user: string): Promise<string> {
    const delivered = await slackVia(bot, place).slashCommand({ command: name, text, user, channel: place.channel.id });
    expect(delivered.status).toBe(200);
    if (delivered.effect.kind === "ephemeral" || delivered.effect.kind === "in_channel")
      return readable(delivered.body);
    const id = delivered.responseUrl.split("/").pop();
    const call = await standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 30_000);
    return readable(call.params);
  }

  /** Opens the concern form from a message through one process and submits it through another. */
  async function raiseConcern(place: Place, whatHappened: string, user: string = place.staff.id) {
    const team = standin.team(place.team.id);
    const message = team.workspace.postAsUser(place.channel.id, place.admin.id, whatHappened);
    const before = team.callsTo("views.update").length;
    const opened = await slackVia(next(), place).messageShortcut({
      callbackId: "log_autonomy_concern",
      user,
      channel: place.channel.id,
      message,
    });
    expect(opened.status).toBe(200);
    await waitUntil(() => team.callsTo("views.update").length > before, 30_000);
    const view = team.openViewsFor(user).at(-1);
    if (!view) throw new Error("no concern form open");
    return {
      viewId: view.id,
      /** The form is still open with its Submit button (Slack showed an error rather than the receipt). */
      stillOpen: () =>
        team.openViewsFor(user).at(-1)?.id === view.id && Boolean(team.openViewsFor(user).at(-1)?.submit),
      submit: (bot: BotProcess) =>
        slackVia(bot, place).viewSubmission({
          user,
          viewId: view.id,
          values: {
            what_happened: whatHappened,
            objective: "1",
            body: "regional_team",
            impact: "medium",
            identity_mode: "named",
          },
        }),
    };
  }

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  const topLevelPosts = (channel: string) =>
    standin
      .callsTo("chat.postMessage")
      .filter((call) => call.params.channel === channel && call.response.ok === true && !call.params.thread_ts);

  it("installs, answers, stores every concern once, posts each digest once, keeps polling and shares what it ingests, through a SIGKILL", {
    timeout: 420_000,
  }, async () => {
    // Each workspace installs: the authorize link from one process, Slack's redirect back to another.
    const [north, south] = PLACES;
    expect((await install(north, bots[0] as BotProcess, bots[1] as BotProcess)).status).toBeLessThan(400);
    expect((await install(south, bots[2] as BotProcess, bots[0] as BotProcess)).status).toBeLessThan(400);
    expect(await query(`SELECT 1 FROM "SlackInstallation"`)).toHaveLength(2);

    // Questions in both workspaces through every process, each answered with that workspace's token.
    for (const place of PLACES) {
      for (let i = 0; i < 3; i++) {
        const answer = await command(next(), place, "/objectives", "can the board overrule our CCG?", place.staff.id);
        expect(answer.length).toBeGreaterThan(100);
      }
    }

    // A source added through one process is read at once; a digest is subscribed in each channel.
    server.serve("/wharfedale.txt", { body: MINUTES, contentType: "text/plain" });
    const added = await command(
      next(),
      north,
      "/digest",
      `source add ${server.url("/wharfedale.txt")}`,
      north.admin.id,
    );
    expect(added).not.toMatch(/sorry|couldn't|could not/i);
    const digestTime = ukTimeSoon();
    for (const place of PLACES) {
      expect(await command(next(), place, "/digest", `subscribe daily ${digestTime}`, place.admin.id)).toContain(
        "Subscribed",
      );
    }

    // Concerns opened through one process and submitted through the next.
    const submitted: string[] = [];
    for (const [index, place] of [north, south, north, south].entries()) {
      const concern = await raiseConcern(place, `Before the kill ${index}: the regional team chose our provider.`);
      const result = await concern.submit(next());
      expect(result.status).toBe(200);
      submitted.push(concern.viewId);
    }

    // One process is killed while requests are on their way to it; people whose request it
    // dropped try again, and the round-robin sends them to the processes left.
    const victim = bots[2] as BotProcess;
    const pending = [
      await raiseConcern(north, "During the kill: told to merge.", north.staff.id),
      await raiseConcern(north, "During the kill: told to merge again.", north.admin.id),
      await raiseConcern(south, "During the kill: told to stop the procurement.", south.staff.id),
    ];
    const inFlight = pending.map((concern) => concern.submit(victim).catch(() => null));
    const questions = [north, south].map((place) =>
      slackVia(victim, place)
        .slashCommand({
          command: "/objectives",
          text: "who holds the money",
          user: place.staff.id,
          channel: place.channel.id,
        })
        .catch(() => null),
    );
    victim.child.kill("SIGKILL");
    await victim.exited;
    alive = alive.filter((bot) => bot !== victim);
    const fetchesBeforeKill = server.requestsFor("/wharfedale.txt").length;
    const outcomes = await Promise.all(inFlight);
    await Promise.all(questions);
    for (const [index, concern] of pending.entries()) {
      if (outcomes[index]?.status !== 200 && concern.stillOpen()) {
        // Slack showed an error; the person presses Submit again on the same form.
        expect((await concern.submit(next())).status).toBe(200);
      }
      submitted.push(concern.viewId);
    }

    // After the kill: more questions and concerns through the two processes left.
    for (const [index, place] of [south, north].entries()) {
      const concern = await raiseConcern(place, `After the kill ${index}: the senate overruled us.`);
      expect((await concern.submit(next())).status).toBe(200);
      submitted.push(concern.viewId);
      const answer = await command(next(), place, "/objectives", "what does assumed liberty mean", place.staff.id);
      expect(answer.length).toBeGreaterThan(100);
    }

    // Every concern stored exactly once, in its own workspace.
    const concerns = await query<{ workspaceId: string; submissionKey: string }>(
      `SELECT "workspaceId", "submissionKey" FROM "Concern"`,
    );
    expect(concerns).toHaveLength(submitted.length);
    expect(new Set(concerns.map((row) => `${row.workspaceId}/${row.submissionKey}`)).size).toBe(submitted.length);
    expect(concerns.filter((row) => row.workspaceId === north.team.id)).toHaveLength(5);
    expect(concerns.filter((row) => row.workspaceId === south.team.id)).toHaveLength(4);

    // The document one process ingested is found by the processes that did not fetch it.
    for (const bot of alive) {
      for (const place of PLACES) {
        const answer = await command(bot, place, "/objectives", "anticoagulation clinic in Ilkley", place.staff.id);
        expect(answer).toMatch(/Wharfedale/i);
      }
    }

    // The digest falls due: each channel gets exactly one, from whichever process claims it.
    for (const place of PLACES) await waitUntil(() => topLevelPosts(place.channel.id).length > 0, 240_000);

    // The source is polled again after the kill, by a process still alive; meanwhile many digest
    // checks (every 5 s, in each process) pass without a second post.
    await waitUntil(() => server.requestsFor("/wharfedale.txt").length > fetchesBeforeKill, 240_000);
    for (const place of PLACES) {
      const posts = topLevelPosts(place.channel.id);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.token).toBe(standin.team(place.team.id).token);
    }
    const claims = await query<{ n: string }>(`SELECT count(*) AS n FROM "DigestClaim"`);
    expect(Number(claims[0]?.n)).toBe(2);

    // North uninstalls; the event reaches one process and every process stops working for North.
    await slackVia(next(), north).appUninstalled();
    await waitUntil(async () => (await query(`SELECT 1 FROM "SlackInstallation"`)).length === 1, 30_000);
    const southAnswer = await command(next(), south, "/objectives", "can the board overrule our CCG?", south.staff.id);
    expect(southAnswer.length).toBeGreaterThan(100);

    // No token was ever logged by any process.
    const logged = bots.flatMap((bot) => bot.lines).join("\n");
    expect(logged).not.toContain("xoxb-");
  });
});
