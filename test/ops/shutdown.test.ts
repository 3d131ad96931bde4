import type { ChildProcess } from "node:child_process";
import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, SIGNING_SECRET, startTestStandin } from "../support/bot";
import { freshSqliteUrl } from "../support/databases";
import { botEnvironment, readyz, startBotProcess } from "../support/instances";
import { waitUntil } from "../support/wait";

/**
 * SIGTERM, as systemd or an orchestrator sends it, to a real bot process with a question in
 * flight: the instance stops taking work at once and finishes what it had started.
 */
describe("stopping an instance with SIGTERM", () => {
  let standin: SlackStandin;
  const running: ChildProcess[] = [];
  beforeAll(async () => {
    standin = await startTestStandin();
  });
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });
  afterAll(() => standin?.close());

  it("fails readiness at once, turns new requests away, answers the question in flight, then exits 0", async () => {
    const bot = await startBotProcess(botEnvironment(standin, freshSqliteUrl()), running);
    await waitUntil(async () => (await readyz(bot.url)) === 200, 30_000);
    const slack = standin.delivery(`${bot.url}/slack/events`, SIGNING_SECRET);
    const channel = CHANNELS.commissioning.id;

    // Slack answers the bot's next call slowly, so its answer to the mention is still on its way.
    standin.failNext("*", { delayMs: 2_000 });
    const asked = await slack.userMessage({
      user: PEOPLE.staff.id,
      channel,
      text: `<@${standin.workspace.app.botUserId}> will the Board let CCGs decide for themselves?`,
    });
    expect(asked.deliveries.map((delivery) => delivery.status)).toEqual([200]);
    bot.child.kill("SIGTERM");

    await waitUntil(async () => (await readyz(bot.url)) === 503, 5_000);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(await ready.json()).toMatchObject({ ok: false, checks: { shutdown: "draining" } });

    const command = await slack.slashCommand({ command: "/objectives", user: PEOPLE.colleague.id, channel });
    expect(command.status).toBe(200);
    expect(JSON.stringify(command.body)).toContain("restarting");
    const event = await slack.userMessage({
      user: PEOPLE.colleague.id,
      channel,
      text: `<@${standin.workspace.app.botUserId}> what are the four objectives?`,
    });
    expect(event.deliveries.map((delivery) => delivery.status)).toEqual([503]);

    expect(await bot.exited).toBe(0);
    const answers = standin.callsTo("chat.postMessage").filter((call) => call.params.thread_ts === asked.message.ts);
    expect(answers).toHaveLength(1);
    const notAnswered = standin
      .callsTo("chat.postMessage")
      .filter((call) => call.params.thread_ts === event.message.ts);
    expect(notAnswered).toHaveLength(0);
    expect(bot.logged("Stopping: taking no new work")).toBe(true);
    expect(bot.logged("still in flight")).toBe(false);
  });
});
