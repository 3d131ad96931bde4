import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, FORM, modalOf, readable, startConcernBot } from "../features/concerns/slack/support";
import type { TestBot } from "../support/bot";

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve("better-sqlite3");
const NOT_SAVED = /could not be saved|nothing has been saved/;

/**
 * Another process writing to the bot's SQLite file (the command line, say) holds the write lock
 * until told to let go.
 */
class OtherWriter {
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  static async lock(file: string): Promise<OtherWriter> {
    const script = `
      const db = new (require(${JSON.stringify(BETTER_SQLITE3)}))(${JSON.stringify(file)});
      db.exec("BEGIN IMMEDIATE");
      db.prepare('DELETE FROM "SlackRequestSeen" WHERE 0').run();
      process.stdout.write("locked\\n");
      process.stdin.once("data", () => { db.exec("COMMIT"); db.close(); process.exit(0); });`;
    const child = spawn(process.execPath, ["-e", script]);
    const [first] = (await once(child.stdout, "data")) as [Buffer];
    if (!first.toString().includes("locked")) throw new Error(`the other writer said ${first.toString()}`);
    return new OtherWriter(child);
  }

  async release(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, "exit");
    this.child.stdin.write("go\n");
    await exited;
  }
}

/**
 * The bot shares its SQLite file with other writers. While one of them holds the write lock, the
 * bot waits for it without holding up anything else, and when the lock is held too long for
 * Slack's 3 seconds, the person is told nothing was saved, in time, and nothing is.
 */
describe("the bot's SQLite file while another process writes to it", () => {
  let t: TestBot;
  let writer: OtherWriter | undefined;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterEach(() => writer?.release());
  afterAll(() => t?.close());

  const file = () => t.databaseUrl.replace(/^file:/, "");
  const concerns = () => {
    const db = new Database(file(), { readonly: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM "Concern"`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  async function openForm(name: string) {
    const user = t.standin.workspace.addUser({ name }).id;
    t.standin.workspace.channel(CHANNELS.commissioning.id)?.members.push(user);
    await t.slack.slashCommand({ command: "/concerns", text: "new", user, channel: CHANNELS.commissioning.id });
    return { user, view: await modalOf(t, user, "concern_form") };
  }

  /** Submits, and says which came back first: the submission's answer or the bot's health check. */
  async function submitBesideHealthCheck(form: { user: string; view: { id: string } }) {
    const order: string[] = [];
    const submitted = t.slack
      .viewSubmission({ user: form.user, viewId: form.view.id, values: FORM }, { timeoutMs: 10_000 })
      .then((answer) => {
        order.push("submission");
        return answer;
      });
    const health = fetch(`http://127.0.0.1:${t.bot.port}/healthz`).then((answer) => {
      order.push("health");
      return answer.status;
    });
    expect(await health).toBe(200);
    return { submitted, order };
  }

  it("waits for a short write to finish, answering other requests meanwhile, and saves", async () => {
    const form = await openForm("short.wait");
    const before = concerns();
    writer = await OtherWriter.lock(file());
    const { submitted, order } = await submitBesideHealthCheck(form);
    await writer.release();
    const answer = await submitted;
    expect(order).toEqual(["health", "submission"]);
    expect(answer.tooSlow).toBe(false);
    expect(readable(answer.body)).toMatch(/CON-\d{4}/);
    expect(concerns()).toBe(before + 1);
  });

  it("tells the person in time that nothing was saved while the lock is held, and saves the same form once it is let go", async () => {
    const form = await openForm("long.wait");
    const before = concerns();
    writer = await OtherWriter.lock(file());
    const { submitted, order } = await submitBesideHealthCheck(form);
    const refused = await submitted;
    expect(order).toEqual(["health", "submission"]);
    expect(refused.status).toBe(200);
    expect(refused.tooSlow).toBe(false);
    expect(refused.effect.kind).toBe("errors");
    expect(readable(refused.body)).toMatch(NOT_SAVED);
    await writer.release();
    expect(concerns()).toBe(before);

    const saved = await t.slack.viewSubmission({ user: form.user, viewId: form.view.id, values: FORM });
    expect(readable(saved.body)).toMatch(/CON-\d{4}/);
    expect(concerns()).toBe(before + 1);
  });
});
