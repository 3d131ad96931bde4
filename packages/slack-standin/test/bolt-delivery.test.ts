import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackDelivery, SlackStandin } from "../src/index";
import { modal, seededStandin, silentLogger } from "./helpers";

const SECRET = "bolt-signing-secret";

let standin: SlackStandin;
let app: App;
let delivery: SlackDelivery;
let people: Awaited<ReturnType<typeof seededStandin>>;
const handled: string[] = [];
const retries: (number | undefined)[] = [];

/** A tiny real Bolt app on its built-in HTTP receiver, talking to the stand-in. */
function tinyApp(): App {
  const bolt = new App({
    signingSecret: SECRET,
    token: standin.token,
    clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
    logger: silentLogger(),
  });
  bolt.command("/objectives", async ({ ack, body, client }) => {
    handled.push("command");
    await ack({ text: "Opening the concern form…" });
    await client.views.open({ trigger_id: body.trigger_id, view: modal() });
  });
  bolt.view("log_concern", async ({ ack, view, body, client }) => {
    const text = view.state.values.concern?.text?.value ?? "";
    if (text.length < 10)
      return void (await ack({ response_action: "errors", errors: { concern: "Say a little more" } }));
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `Logged: ${text}` });
  });
  bolt.action("open_minutes", async ({ ack, respond }) => {
    await ack();
    await respond({ text: "Minutes of 25 June 2012" });
  });
  bolt.event("app_home_opened", async ({ event, client, context }) => {
    retries.push(context.retryNum);
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks: [{ type: "divider" }] } });
  });
  return bolt;
}

beforeEach(async () => {
  people = await seededStandin();
  standin = people.standin;
  handled.length = 0;
  retries.length = 0;
  app = tinyApp();
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const { port } = server.address() as AddressInfo;
  delivery = standin.delivery(`http://127.0.0.1:${port}/slack/events`, SECRET);
});
afterEach(async () => {
  await app.stop();
  await standin.close();
});

describe("deliveries to a real Bolt app", () => {
  it("delivers a slash command the app acks with text, then opens a modal with the trigger", async () => {
    const answer = await delivery.slashCommand({
      command: "/objectives",
      text: "",
      user: people.alice.id,
      channel: people.general.id,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ text: "Opening the concern form…" });
    expect(answer.effect).toEqual({ kind: "ephemeral", text: "Opening the concern form…" });
    expect(standin.ephemeralsFor(people.alice.id).map((e) => e.source)).toEqual(["ack"]);
    const opened = await standin.waitForCall("views.open");
    expect(opened.params.trigger_id).toBe(answer.triggerId);
    expect(opened.response.ok).toBe(true);
    expect(standin.openViewsFor(people.alice.id).map((v) => v.callback_id)).toEqual(["log_concern"]);
  });

  it("keeps the modal open with the app's errors, then closes it on an empty ack", async () => {
    await delivery.slashCommand({ command: "/objectives", user: people.alice.id, channel: people.general.id });
    await standin.waitForCall("views.open");
    const short = await delivery.viewSubmission({ user: people.alice.id, values: { concern: "Budgets" } });
    expect(short.body).toEqual({ response_action: "errors", errors: { concern: "Say a little more" } });
    expect(standin.openViewsFor(people.alice.id)[0]?.errors).toEqual({ concern: "Say a little more" });
    const full = await delivery.viewSubmission({
      user: people.alice.id,
      values: { text: "Budget decisions moved to the cluster" },
    });
    expect(full.effect).toEqual({ kind: "closed" });
    expect(standin.openViewsFor(people.alice.id)).toEqual([]);
    const posted = await standin.waitForCall("chat.postMessage");
    expect(posted.params.text).toBe("Logged: Budget decisions moved to the cluster");
  });

  it("delivers a button click whose respond() posts through the stand-in's response_url", async () => {
    const posted = await people.client.chat.postMessage({
      channel: people.general.id,
      text: "Digest",
      blocks: [
        {
          type: "actions",
          elements: [{ type: "button", action_id: "open_minutes", text: { type: "plain_text", text: "Open" } }],
        },
      ],
    });
    const answer = await delivery.blockAction({
      user: people.bob.id,
      actionId: "open_minutes",
      container: { type: "message", channel: people.general.id, ts: String(posted.ts) },
    });
    expect(answer.status).toBe(200);
    await standin.waitForCall("response_url");
    expect(standin.ephemeralsFor(people.bob.id).map((e) => e.text)).toEqual(["Minutes of 25 June 2012"]);
  });

  it("delivers app_home_opened, with Slack's retry headers reaching the app", async () => {
    await delivery.appHomeOpened(people.alice.id);
    await delivery.appHomeOpened(people.alice.id, { retry: { num: 1, reason: "http_timeout" } });
    await standin.waitForCall("views.publish", (c) => c.seq > 0);
    expect(standin.homeViewOf(people.alice.id)?.blocks).toHaveLength(1);
    expect(retries).toEqual([undefined, 1]);
  });

  it("gets the challenge echoed for url_verification", async () => {
    const answer = await delivery.urlVerification();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ challenge: answer.payload.challenge });
  });

  it("is refused with 401 for a bad signature or a stale timestamp, and nothing runs", async () => {
    const badSignature = await delivery.slashCommand(
      { command: "/objectives", user: people.alice.id, channel: people.general.id },
      { badSignature: true },
    );
    const stale = await delivery.slashCommand(
      { command: "/objectives", user: people.alice.id, channel: people.general.id },
      { staleTimestamp: true },
    );
    expect([badSignature.status, stale.status]).toEqual([401, 401]);
    expect(badSignature.effect.kind).toBe("failed");
    expect(handled).toEqual([]);
    expect(standin.ephemeralsFor(people.alice.id)).toEqual([]);
  });

  it("does not run a listener for a malformed body", async () => {
    const answer = await delivery.send("payload=%7Bnot-json", "application/x-www-form-urlencoded");
    expect(answer.status).not.toBe(200);
    expect(handled).toEqual([]);
  });
});
