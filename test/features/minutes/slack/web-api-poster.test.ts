import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebApiPoster } from "../../../../src/features/minutes/slack/web-api-poster";
import { Logger } from "../../../../src/logger";
import { SingleTokenClients } from "../../../../src/slack/workspace-clients";
import { CHANNELS, startTestStandin } from "../../../support/bot";

describe("posting to Slack within its rate limits", () => {
  let standin: SlackStandin;
  beforeAll(async () => {
    standin = await startTestStandin();
  });
  afterAll(() => standin.close());

  /** A poster whose waits are recorded and move a pretend monotonic clock instead of real time. */
  function poster() {
    let monotonic = 0;
    const sleeps: number[] = [];
    const client = new SingleTokenClients(standin.token, standin.apiUrl, new Logger("error", () => {}));
    const instance = new WebApiPoster(client, {
      minIntervalMs: 1_000,
      maxRateLimitWaits: 2,
      sleep: async (ms) => {
        sleeps.push(ms);
        monotonic += ms;
      },
      monotonicNow: () => monotonic,
      logger: new Logger("error", () => {}),
    });
    return { instance, sleeps, tick: (ms: number) => (monotonic += ms) };
  }

  const message = (channel: string) => ({
    channel,
    text: "Minutes digest",
    blocks: [{ type: "section", text: { type: "mrkdwn", text: "Minutes digest" } }],
  });

  it("spaces posts to one channel a second apart, without holding up other channels", async () => {
    const { instance, sleeps, tick } = poster();
    const other = standin.workspace.addChannel({ name: "ccg-pacing" }).id;
    expect(await instance.post(message(CHANNELS.commissioning.id))).toMatchObject({ ok: true });
    expect(await instance.post(message(other))).toMatchObject({ ok: true });
    tick(250);
    expect(await instance.post(message(CHANNELS.commissioning.id))).toMatchObject({ ok: true });
    expect(sleeps).toEqual([750]);
  });

  it("waits for Retry-After on a 429 and posts the message once; gives up after the allowed waits", async () => {
    const { instance, sleeps } = poster();
    standin.failNext("chat.postMessage", { status: 429, retryAfter: 3 });
    const before = standin.callsTo("chat.postMessage").length;
    expect(await instance.post(message(CHANNELS.commissioning.id))).toMatchObject({ ok: true });
    expect(sleeps).toEqual([3_000]);
    expect(
      standin
        .callsTo("chat.postMessage")
        .slice(before)
        .map((call) => call.status),
    ).toEqual([429, 200]);

    standin.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 3 });
    expect(await instance.post(message(CHANNELS.commissioning.id))).toEqual({
      ok: false,
      error: "ratelimited",
      kind: "retry",
    });
  });

  it("tells channel errors, which pause a subscription, from passing and permanent ones", async () => {
    const { instance } = poster();
    expect(await instance.post(message(CHANNELS.governance.id))).toEqual({
      ok: false,
      error: "channel_not_found",
      kind: "channel",
    });
    standin.failNext("chat.postMessage", { status: 500 });
    expect(await instance.post(message(CHANNELS.commissioning.id))).toMatchObject({ ok: false, kind: "retry" });
    const tooMany = {
      ...message(CHANNELS.commissioning.id),
      blocks: Array.from({ length: 51 }, () => ({ type: "divider" })),
    };
    expect(await instance.post(tooMany)).toMatchObject({ ok: false, error: "invalid_blocks", kind: "permanent" });
  });
});
