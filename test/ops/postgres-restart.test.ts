import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHANNELS,
  cardFor,
  FORM,
  modalOf,
  readable,
  startConcernBot,
  waitUntil,
} from "../features/concerns/slack/support";
import type { TestBot } from "../support/bot";

const SCRIPT = path.resolve(import.meta.dirname, "../../scripts/test-postgres.sh");
/** The concern form's own refusal, or the one given before the request reaches it. */
const NOT_SAVED = /could not be saved|nothing has been saved/;

/** A PostgreSQL server of this test's own (the suite's shared one must not be restarted under other tests). */
class OwnPostgres {
  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly url: string,
  ) {}

  static async start(): Promise<OwnPostgres> {
    // Not under mkdtemp's private folder: the server runs as the postgres user, which must reach it.
    const data = path.join(tmpdir(), `localism-pg-restart-${randomUUID()}`);
    const env = { ...process.env, PGDATA: data, PGPORT: String(await freePort()) };
    const url = execFileSync("bash", [SCRIPT, "start"], { env, encoding: "utf8" }).trim();
    return new OwnPostgres(env, url);
  }

  /** Stops the server the way a crash or a forced restart does: open connections are cut. */
  kill(): void {
    execFileSync("bash", [SCRIPT, "stop"], { env: { ...this.env, PGSTOPMODE: "immediate" } });
  }

  resume(): void {
    execFileSync("bash", [SCRIPT, "start"], { env: this.env });
  }

  remove(): void {
    execFileSync("bash", [SCRIPT, "stop"], { env: this.env });
    rmSync(this.env.PGDATA as string, { recursive: true, force: true });
  }

  async count(sql: string): Promise<number> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(sql);
      return Number(rows[0]?.n);
    } finally {
      await client.end();
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * The bot on a PostgreSQL server that is killed and started again while staff submit concerns:
 * every submission is answered (saved with a reference, or told it could not be saved), what was
 * acknowledged is stored once, nothing refused is stored, and the bot saves again once the server is
 * back, without a restart of its own; every stored concern's triage card reaches the leads.
 */
describe("concerns submitted while the PostgreSQL server restarts", () => {
  let postgres: OwnPostgres;
  let t: TestBot;
  beforeAll(async () => {
    postgres = await OwnPostgres.start();
    t = await startConcernBot({ env: { DATABASE_URL: postgres.url } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    postgres?.remove();
  });

  async function openForms(count: number, label: string) {
    const forms = [];
    for (let i = 0; i < count; i++) {
      const user = t.standin.workspace.addUser({ name: `${label}.member${i}` }).id;
      t.standin.workspace.channel(CHANNELS.commissioning.id)?.members.push(user);
      await t.slack.slashCommand({ command: "/concerns", text: "new", user, channel: CHANNELS.commissioning.id });
      forms.push({ user, view: await modalOf(t, user, "concern_form") });
    }
    return forms;
  }

  async function submit(form: { user: string; view: { id: string } }, i: number) {
    const values = { ...FORM, what_happened: `${FORM.what_happened} (report ${form.user} ${i})` };
    const submitted = await t.slack.viewSubmission(
      { user: form.user, viewId: form.view.id, values },
      { timeoutMs: 10_000 },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.tooSlow).toBe(false);
    const shown = readable(submitted.body);
    const reference = /CON-\d{4}/.exec(shown)?.[0];
    if (reference) return { saved: reference };
    expect(shown).toMatch(NOT_SAVED);
    return { refused: form };
  }

  async function submitUntilSaved(form: { user: string; view: { id: string } }, i: number): Promise<string> {
    let reference: string | undefined;
    await waitUntil(async () => {
      reference = (await submit(form, i)).saved;
      return reference !== undefined;
    }, 30_000);
    return reference ?? "";
  }

  it("answers every submission and stores each acknowledged concern once", { timeout: 180_000 }, async () => {
    const before = await openForms(4, "before");
    const during = await openForms(4, "during");
    const after = await openForms(4, "after");
    const references: string[] = [];
    for (const [i, form] of before.entries()) references.push((await submit(form, i)).saved ?? "");

    // Killed while submissions are in flight: each is answered one way or the other.
    const inFlight = during.map((form, i) => submit(form, 100 + i));
    postgres.kill();
    const outcomes = await Promise.all(inFlight);
    // The server is down: a submission now is refused politely, at once.
    const refusedWhileDown = await submit(after[0]!, 200);
    expect(refusedWhileDown.refused).toBeDefined();

    postgres.resume();
    // The bot reconnects by itself; the refused forms are still open and can be sent again.
    const retried = [...outcomes.flatMap((o) => (o.refused ? [o.refused] : [])), after[0]!];
    for (const [i, form] of retried.entries()) references.push(await submitUntilSaved(form, 300 + i));
    for (const o of outcomes) if (o.saved) references.push(o.saved);
    for (const [i, form] of after.slice(1).entries()) references.push((await submit(form, 400 + i)).saved ?? "");

    expect(references.every(Boolean)).toBe(true);
    expect(new Set(references).size).toBe(references.length);
    expect(references).toHaveLength(12);
    expect(await postgres.count(`SELECT COUNT(*) AS n FROM "Concern"`)).toBe(12);
    await waitUntil(() => references.every((reference) => cardFor(t, reference) !== undefined), 60_000);
  });
});
