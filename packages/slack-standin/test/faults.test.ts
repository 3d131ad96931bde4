import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { seededStandin, slackError, webClient } from "./helpers";
import { ManualClock } from "./manual-clock";

let standin: SlackStandin;
afterEach(() => standin?.close());

describe("failure injection", () => {
  it("fails the next call with a chosen Slack error, then answers normally", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    standin.failNext("chat.postMessage", { error: "channel_not_found" });
    expect(await slackError(seeded.client.chat.postMessage({ channel: seeded.general.id, text: "a" }))).toBe(
      "channel_not_found",
    );
    await seeded.client.chat.postMessage({ channel: seeded.general.id, text: "b" });
    expect(standin.messagesIn(seeded.general.id).map((m) => m.text)).toEqual(["b"]);
  });

  it("answers HTTP 500 when asked", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    standin.failNext("users.info", { status: 500 });
    await expect(seeded.client.users.info({ user: seeded.alice.id })).rejects.toMatchObject({
      code: "slack_webapi_http_error",
      statusCode: 500,
    });
  });

  it("answers 429 with Retry-After, and WebClient's default retry policy then gets through", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const retrying = webClient(standin, { retryConfig: webApi.retryPolicies.tenRetriesInAboutThirtyMinutes });
    standin.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const answer = await retrying.chat.postMessage({ channel: seeded.general.id, text: "after the wait" });
    expect(answer.ok).toBe(true);
    expect(standin.callsTo("chat.postMessage").map((c) => c.status)).toEqual([429, 200]);
    expect(standin.messagesIn(seeded.general.id)).toHaveLength(1);
  });

  it("delays an answer without failing it", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    standin.failNext("auth.test", { delayMs: 50 });
    expect((await seeded.client.auth.test()).ok).toBe(true);
  });

  it("hangs a call without carrying it out until the caller gives up, then answers the next one", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const impatient = webClient(standin, { timeout: 200 });
    standin.failNext("chat.postMessage", { hang: true });
    await expect(impatient.chat.postMessage({ channel: seeded.general.id, text: "lost" })).rejects.toMatchObject({
      code: "slack_webapi_request_error",
    });
    await impatient.chat.postMessage({ channel: seeded.general.id, text: "got through" });
    expect(standin.callsTo("chat.postMessage").map((c) => c.status)).toEqual([0, 200]);
    expect(standin.messagesIn(seeded.general.id).map((m) => m.text)).toEqual(["got through"]);
  });
});

describe("rate limits", () => {
  it("limits chat.postMessage per channel per second and lifts the limit as the clock moves", async () => {
    const clock = new ManualClock(new Date("2012-06-25T10:00:00Z"));
    const seeded = await seededStandin({ clock });
    standin = seeded.standin;
    const other = standin.workspace.addChannel({ name: "ccg-leads" });
    const client = webClient(standin, { rejectRateLimitedCalls: true });
    standin.rateLimit("chat.postMessage", { perChannelPerSecond: 1 });
    await client.chat.postMessage({ channel: seeded.general.id, text: "1" });
    await expect(client.chat.postMessage({ channel: seeded.general.id, text: "2" })).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
      retryAfter: 1,
    });
    await client.chat.postMessage({ channel: other.id, text: "other channel is fine" });
    clock.advance(1_000);
    await client.chat.postMessage({ channel: seeded.general.id, text: "3" });
    expect(standin.messagesIn(seeded.general.id).map((m) => m.text)).toEqual(["1", "3"]);
  });
});

describe("waiting for calls", () => {
  it("resolves with a call made before or after the wait starts, filtered by a predicate", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    await seeded.client.chat.postMessage({ channel: seeded.general.id, text: "early" });
    const early = await standin.waitForCall("chat.postMessage");
    const mark = standin.calls.length;
    const later = standin.waitForCall("chat.postMessage", (c) => c.seq >= mark);
    await seeded.client.chat.postMessage({ channel: seeded.general.id, text: "late" });
    expect(early.params.text).toBe("early");
    expect((await later).params.text).toBe("late");
  });

  it("rejects with the calls it saw when none matches in time", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    await seeded.client.auth.test();
    await expect(standin.waitForCall("views.open", undefined, 20)).rejects.toThrow(
      /No views.open call within 20 ms; calls seen: auth.test/,
    );
  });
});
