import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SlackStandin } from "@localism/slack-standin";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import { MANIFEST_BOT_SCOPES, RECEIPT_PEPPER, SIGNING_SECRET, startTestStandin } from "../../../support/bot";
import { freshDatabaseUrl } from "../../../support/databases";
import {
  CHANNELS,
  CONCERN_ENV,
  CONCERN_SEED,
  FORM,
  openFromMessage,
  PEOPLE,
  TRIAGE,
  WITH_PRIVATE_HISTORY,
  waitUntil,
} from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

interface BotProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

const children: ChildProcess[] = [];
let standin: SlackStandin | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await standin?.close();
  standin = undefined;
});

/** `npm start` as a real process against the stand-in; resolves once it listens. */
function startBotProcess(databaseUrl: string, s: SlackStandin): Promise<BotProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: s.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: s.apiUrl,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
      LOG_LEVEL: "info",
      ...CONCERN_ENV,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/slack\/events)/.exec(stderr)?.[1];
      if (url) resolve({ child, url, exited });
    });
    child.once("exit", (code) => reject(new Error(`the bot exited with ${code}: ${stderr}`)));
  });
}

/** Reads the bot's SQLite file from outside the process, as an operator would. */
function readDatabase<T>(databaseUrl: string, query: (db: Database.Database) => T): T {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

function count(databaseUrl: string, sql: string): number {
  return readDatabase(databaseUrl, (db) => (db.prepare(sql).get() as { n: number }).n);
}

function cards(s: SlackStandin) {
  return s.messagesIn(TRIAGE.id).filter((m) => !m.thread_ts && /^CON-\d{4}:/.test(m.text));
}

/** The shortcut and the submission, acknowledged by the bot in `bot`. */
async function submitConcern(s: SlackStandin, bot: BotProcess) {
  const slack = s.delivery(bot.url, SIGNING_SECRET);
  const t = { standin: s, slack } as unknown as TestBot;
  const message = s.workspace.postAsUser(
    CHANNELS.commissioning.id,
    PEOPLE.colleague.id,
    "The area team told us to hand our urgent care contract to the neighbouring CCG.",
  );
  const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message, 15_000);
  const submitted = await slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
  expect(submitted.status).toBe(200);
  expect(submitted.effect.kind).toBe("updated");
}

describe("a bot process killed right after acknowledging a concern", () => {
  it.each([
    ["before Slack had the card", false, MANIFEST_BOT_SCOPES, 1],
    [
      "after Slack had posted the card but before its answer came back, granted the history of private channels",
      true,
      WITH_PRIVATE_HISTORY,
      1,
    ],
    // It cannot look for the card it may have posted, so it posts it again, and the new one is kept up to date.
    [
      "after Slack had posted the card but before its answer came back, with the manifest's scopes",
      true,
      MANIFEST_BOT_SCOPES,
      2,
    ],
  ] as const)(
    "posts the triage card after a restart, killed %s",
    async (_when, effectFirst, botScopes, expectedCards) => {
      standin = await startTestStandin({ seed: CONCERN_SEED, botScopes });
      const s = standin;
      const databaseUrl = await freshDatabaseUrl("sqlite");
      const first = await startBotProcess(databaseUrl, s);
      // The card's post hangs: the process is killed while it waits.
      s.failNext("chat.postMessage", { delayMs: 120_000, effectFirst });
      await submitConcern(s, first);
      // Killed once the post is under way: the concern is stored and acknowledged, its card not recorded.
      await waitUntil(
        () => count(databaseUrl, 'SELECT COUNT(*) AS n FROM "ConcernOutbox" WHERE "postingAt" IS NOT NULL') === 1,
        15_000,
      );
      // With the post's effect first, killed only once Slack has posted the card.
      if (effectFirst) await waitUntil(() => cards(s).length === 1, 15_000);
      first.child.kill("SIGKILL");
      await first.exited;
      expect(count(databaseUrl, 'SELECT COUNT(*) AS n FROM "Concern" WHERE "triageTs" IS NULL')).toBe(1);
      s.clearFaults();

      await startBotProcess(databaseUrl, s);
      // The card; the reporter's confirmation DM waits out its grace (it may not have been shown before the kill).
      const unsent = () =>
        count(databaseUrl, `SELECT COUNT(*) AS n FROM "ConcernOutbox" WHERE "sentAt" IS NULL AND "kind" = 'card'`);
      await waitUntil(() => unsent() === 0, 30_000);
      expect(cards(s)).toHaveLength(expectedCards);
      const recorded = readDatabase(
        databaseUrl,
        (db) => db.prepare('SELECT "triageTs" AS ts FROM "Concern"').get() as { ts: string },
      );
      expect(recorded.ts).toBe(cards(s).at(-1)?.ts);
    },
    120_000,
  );
});
