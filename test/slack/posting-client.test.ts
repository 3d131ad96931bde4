import type { SlackStandin } from "@localism/slack-standin";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Logger } from "../../src/logger";
import { createJobClient } from "../../src/slack/workspace-clients";
import { CHANNELS, PEOPLE, startTestStandin } from "../support/bot";

/**
 * The outbox and the digest poster decide on what a post's call answers or throws. The posting
 * client makes its calls itself, so each outcome is checked against what WebClient itself gives for
 * the same answer from Slack, with the options the posting client had before it.
 */
describe("the posting client answers and fails as WebClient does", () => {
  let standin: SlackStandin;
  const lines: string[] = [];
  const logger = new Logger("warn", (line) => lines.push(line));
  beforeAll(async () => {
    standin = await startTestStandin();
  });
  afterAll(() => standin.close());

  const posting = () => createJobClient(standin.token, standin.apiUrl, logger, "posting", 500);
  const webClient = () =>
    new webApi.WebClient(standin.token, {
      slackApiUrl: standin.apiUrl,
      logger,
      timeout: 500,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
  const post = (client: webApi.WebClient, text = "A card") =>
    client.chat.postMessage({
      channel: CHANNELS.commissioning.id,
      text,
      blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
      metadata: { event_type: "localism_concern_card", event_payload: { outbox: "k1" } },
    });

  /** What the callers read from a failure: its class, code, Slack's error, Retry-After, HTTP status. */
  async function failure(call: () => Promise<unknown>) {
    const error = await call().then(
      () => null,
      (caught: unknown) => caught as Record<string, unknown>,
    );
    expect(error).not.toBeNull();
    return {
      class: (error?.constructor as { name?: string } | undefined)?.name,
      code: error?.code,
      slackError: (error?.data as { error?: string } | undefined)?.error,
      retryAfter: error?.retryAfter,
      statusCode: error?.statusCode,
      original: (error?.original as Error | undefined)?.name,
    };
  }

  it("posts with the same arguments and gives back the same answer", async () => {
    const before = standin.callsTo("chat.postMessage").length;
    const mine = await post(posting(), "From the posting client");
    const theirs = await post(webClient(), "From WebClient");
    const [first, second] = standin.callsTo("chat.postMessage").slice(before);
    expect(first?.params).toEqual({ ...second?.params, text: "From the posting client", blocks: expect.anything() });
    expect(first?.params.metadata).toEqual(second?.params.metadata);
    expect(first?.token).toBe(second?.token);
    expect(mine.ok).toBe(true);
    expect(mine.channel).toBe(theirs.channel);
    expect(Object.keys(mine).sort()).toEqual(Object.keys(theirs).sort());
  });

  it("sends a DM to a user id and reads it back from history with its metadata", async () => {
    const client = posting();
    const posted = await client.chat.postMessage({
      channel: PEOPLE.staff.id,
      text: "Your concern was received",
      metadata: { event_type: "localism_concern_dm", event_payload: { outbox: "k2" } },
    });
    const channel = posted.channel as string;
    const history = await client.conversations.history({ channel, include_all_metadata: true, limit: 200 });
    const mine = history.messages?.find((message) => message.ts === posted.ts);
    expect(mine?.metadata?.event_payload).toEqual({ outbox: "k2" });
  });

  it.each([
    ["Slack's refusal", { error: "channel_not_found" }],
    ["a 429 with Retry-After", { status: 429, retryAfter: 7 }],
    ["a 503", { status: 503 }],
    ["no answer within the timeout", { hang: true }],
  ])("fails alike on %s", async (_what, fault) => {
    standin.failNext("chat.postMessage", fault);
    const mine = await failure(() => post(posting()));
    standin.failNext("chat.postMessage", fault);
    const theirs = await failure(() => post(webClient()));
    expect(mine).toEqual(theirs);
  });

  it("says it was rate limited, as WebClient does, before the 429 is thrown", async () => {
    const client = posting();
    const waits: number[] = [];
    client.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => waits.push(seconds));
    standin.failNext("chat.postMessage", { status: 429, retryAfter: 3 });
    await expect(post(client)).rejects.toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(waits).toEqual([3]);
  });

  it("logs no token and no message text when a call fails", async () => {
    lines.length = 0;
    standin.failNext("chat.postMessage", { hang: true });
    await post(posting(), "Something only the reporter knows").catch(() => undefined);
    expect(lines.join("\n")).not.toContain("Something only the reporter knows");
    expect(lines.join("\n")).not.toContain(standin.token);
  });
});
