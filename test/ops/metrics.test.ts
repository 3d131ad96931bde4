import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock";
import { raiseFromMessage, startConcernBot } from "../features/concerns/slack/support";
import { MINUTES_TEXT, minutesText } from "../features/minutes/ingest/fixtures";
import { CHANNELS, PEOPLE, type TestBot } from "../support/bot";
import { DIGEST_ENV, digest, jobs, postsIn, publish } from "../support/digest-bot";
import { MinutesServer } from "../support/minutes-server";
import { waitUntil } from "../support/wait";

const TOKEN = "metrics-0123456789abcdef0123456789abcdef";
const commissioning = { channel: CHANNELS.commissioning.id };

/** One sample's value from the text format, by its name and labels exactly as written; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * What an operator's Prometheus reads from GET /metrics after people used the bot: the requests of
 * each surface, Slack's Web API calls and rate limits, minutes read, digests posted, concerns by
 * status; on a port of its own, on loopback, behind a bearer token.
 */
describe("GET /metrics", () => {
  const server = new MinutesServer();
  // Wednesday 18 March 2026, 10:00 in London.
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: TestBot;
  let metricsUrl: string;
  beforeAll(async () => {
    await server.start();
    server.serve("/wharfedale.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
    t = await startConcernBot({ clock, env: { ...DIGEST_ENV, METRICS_PORT: "0", METRICS_TOKEN: TOKEN } });
    t.standin.workspace.addUser({ id: "U0ADMIN01", name: "it.admin", real_name: "IT Admin", is_admin: true });
    metricsUrl = `http://127.0.0.1:${t.bot.metricsPort}/metrics`;
  });
  afterAll(async () => {
    await t?.close();
    await server.close();
  });

  const scrape = async () => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    return response.text();
  };

  it("answers only a scrape with the token, and only on its own port", async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${t.bot.port}/metrics`)).status).not.toBe(200);
    expect(await scrape()).toContain("# TYPE localism_slack_requests_total counter");
  });

  it("counts requests by surface and outcome, and times their acknowledgement", async () => {
    const command = await t.slack.slashCommand({ command: "/objectives", user: PEOPLE.staff.id, ...commissioning });
    expect(command.status).toBe(200);
    const message = t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "A decision");
    await raiseFromMessage(t, PEOPLE.colleague.id, message);

    const text = await scrape();
    expect(sample(text, 'localism_slack_requests_total{surface="slash_command",outcome="acked"}')).toBe(1);
    expect(sample(text, 'localism_slack_requests_total{surface="shortcut",outcome="acked"}')).toBe(1);
    expect(sample(text, 'localism_slack_requests_total{surface="view",outcome="acked"}')).toBe(1);
    expect(sample(text, 'localism_slack_ack_seconds_count{surface="slash_command"}')).toBe(1);
    expect(sample(text, 'localism_slack_ack_seconds_bucket{surface="slash_command",le="+Inf"}')).toBe(1);
    expect(sample(text, 'localism_concerns{status="new"}')).toBe(1);
  });

  it("counts Slack Web API calls and the waits Slack's rate limits impose", async () => {
    t.standin.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const asked = await t.slack.userMessage({
      user: PEOPLE.staff.id,
      ...commissioning,
      text: `<@${t.standin.workspace.app.botUserId}> will the Board let CCGs decide for themselves?`,
    });
    await t.standin.waitForCall("chat.postMessage", (call) => call.params.thread_ts === asked.message.ts, 15_000);
    await waitUntil(async () => (sample(await scrape(), "localism_slack_rate_limited_total") ?? 0) >= 1);
    const text = await scrape();
    expect(sample(text, "localism_slack_rate_limit_wait_seconds_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'localism_slack_api_calls_total{method="auth.test",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    await waitUntil(
      async () =>
        (sample(await scrape(), 'localism_slack_api_calls_total{method="chat.postMessage",outcome="ok"}') ?? 0) >= 1,
    );
  });

  it("counts minutes read and digests posted", async () => {
    await publish(t, server, "/wharfedale.txt", minutesText(MINUTES_TEXT.ccgGoverningBody), "text/plain");
    await digest(t, "subscribe weekly monday 09:00", commissioning);
    clock.advance(60_000);
    await digest(t, "now", commissioning);
    await jobs(t).digests();
    expect(postsIn(t, CHANNELS.commissioning.id).length).toBeGreaterThanOrEqual(1);

    const text = await scrape();
    expect(sample(text, 'localism_minutes_source_polls_total{outcome="ok"}')).toBe(1);
    expect(sample(text, 'localism_minutes_documents_total{outcome="new"}')).toBe(1);
    expect(sample(text, 'localism_digest_messages_total{outcome="posted"}')).toBeGreaterThanOrEqual(1);
  });

  it.runIf(canLoad("prom-client"))("includes the process's own metrics from prom-client", async () => {
    const text = await scrape();
    expect(text).toContain("process_resident_memory_bytes");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});

function canLoad(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
