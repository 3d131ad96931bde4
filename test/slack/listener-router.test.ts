import type { AddressInfo } from "node:net";
import { slackSignature } from "@localism/slack-standin";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListenerRouter } from "../../src/slack/listener-router";

const SECRET = "router-test-signing-secret";
const TEAM = { id: "T0ROUTER", domain: "router" };
const USER = { id: "U0ROUTER", username: "staff", name: "staff", team_id: TEAM.id };

/** A bare Bolt app on loopback whose listeners go through the router, and what they saw. */
async function startApp() {
  const seen: string[] = [];
  const errors: unknown[] = [];
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  // No token to check with Slack: every request is authorised as the same bot.
  const authorize = async () => ({ botToken: "xoxb-router", botId: "B0ROUTER", botUserId: "U0BOT" });
  const app = new App({ authorize, receiver, logLevel: LogLevel.ERROR });
  const listeners = new ListenerRouter(app).app;
  listeners.command(
    "/first",
    async ({ context, next }) => {
      context.marked = "by middleware";
      await next();
    },
    async ({ ack, command, context }) => {
      seen.push(`command ${command.text} ${String(context.marked)}`);
      await ack({ text: "first" });
    },
  );
  listeners.command("/first", async ({ command }) => void seen.push(`second listener ${command.text}`));
  listeners.command("/second", async ({ ack }) => {
    seen.push("second command");
    await ack();
  });
  listeners.action("press", async ({ ack, action }) => {
    seen.push(`exact ${(action as { action_id: string }).action_id}`);
    await ack();
  });
  listeners.action(/^press/, async ({ ack, action }) => {
    const id = (action as { action_id: string }).action_id;
    seen.push(`pattern ${id}`);
    if (id !== "press") await ack();
  });
  listeners.view(/^other$/, async ({ ack, view }) => {
    seen.push(`pattern view ${view.callback_id}`);
    await ack();
  });
  listeners.view("form", async ({ ack, view }) => {
    seen.push(`view ${view.callback_id}`);
    await ack({ response_action: "clear" });
  });
  listeners.shortcut("log", async ({ ack, shortcut }) => {
    seen.push(`shortcut ${shortcut.type}`);
    await ack();
  });
  listeners.action("broken", async ({ ack }) => {
    await ack();
    throw new Error("listener failed");
  });
  app.error(async (error) => void errors.push(error));
  const server = await receiver.start(0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return { app, url, seen, errors };
}

type Running = Awaited<ReturnType<typeof startApp>>;

async function send(url: string, form: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams(form).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(SECRET, timestamp, body),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

const command = (name: string, text: string) => ({
  command: name,
  text,
  team_id: TEAM.id,
  user_id: USER.id,
  channel_id: "C0ROUTER",
  trigger_id: "1.2.3",
  response_url: "https://hooks.slack.test/commands/1",
  token: "legacy",
});
const payload = (body: object) => ({ payload: JSON.stringify({ team: TEAM, user: USER, ...body }) });
const press = (actionId: string) =>
  payload({
    type: "block_actions",
    actions: [{ type: "button", action_id: actionId, block_id: "b", value: "v", action_ts: "1.2" }],
    trigger_id: "1.2.3",
    api_app_id: "A0ROUTER",
  });

describe("listeners registered by id, through the real Bolt receiver", () => {
  let t: Running;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t?.app.stop();
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
    expect(condition()).toBe(true);
  };

  it("runs every listener of a command, each through its own middleware, and only those of that command", async () => {
    t.seen.length = 0;
    const answer = await send(t.url, command("/first", "hello"));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ text: "first" });
    await until(() => t.seen.length === 2);
    expect([...t.seen].sort()).toEqual(["command hello by middleware", "second listener hello"]);
  });

  it("runs an action's own listener and a pattern that matches it, and only the pattern for another id", async () => {
    t.seen.length = 0;
    expect((await send(t.url, press("press"))).status).toBe(200);
    await until(() => t.seen.length === 2);
    expect([...t.seen].sort()).toEqual(["exact press", "pattern press"]);
    t.seen.length = 0;
    await send(t.url, press("press-more"));
    await until(() => t.seen.length === 1);
    expect(t.seen).toEqual(["pattern press-more"]);
  });

  it("runs a view's listener on its submission only, and a shortcut's for either kind of shortcut", async () => {
    t.seen.length = 0;
    const submitted = await send(
      t.url,
      payload({ type: "view_submission", view: { id: "V1", callback_id: "form", state: { values: {} } } }),
    );
    expect(JSON.parse(submitted.body)).toEqual({ response_action: "clear" });
    await send(
      t.url,
      payload({ type: "view_submission", view: { id: "V2", callback_id: "other", state: { values: {} } } }),
    );
    await send(t.url, payload({ type: "shortcut", callback_id: "log", trigger_id: "1.2.3" }));
    await send(
      t.url,
      payload({
        type: "message_action",
        callback_id: "log",
        trigger_id: "1.2.3",
        channel: { id: "C0ROUTER" },
        message: { type: "message", ts: "1.1", text: "x" },
      }),
    );
    await until(() => t.seen.length === 4);
    expect(t.seen).toEqual(["view form", "pattern view other", "shortcut shortcut", "shortcut message_action"]);
  });

  it("passes a listener's error to the app's error handler", async () => {
    t.errors.length = 0;
    expect((await send(t.url, press("broken"))).status).toBe(200);
    await until(() => t.errors.length === 1);
    expect(String((t.errors[0] as Error).message)).toContain("listener failed");
  });
});

describe("Bolt's own listeners and later middleware", () => {
  it("still see a request routed by id whenever they could act on it", async () => {
    const seen: string[] = [];
    const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
    const app = new App({
      authorize: async () => ({ botToken: "xoxb-router", botId: "B0ROUTER", botUserId: "U0BOT" }),
      receiver,
      logLevel: LogLevel.ERROR,
    });
    const listeners = new ListenerRouter(app).app;
    listeners.command("/only", async ({ ack }) => {
      seen.push("command");
      await ack();
    });
    listeners.event("app_mention", async () => void seen.push("event listener"));
    const server = await receiver.start(0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    try {
      expect((await send(url, command("/only", "one"))).status).toBe(200);
      expect(seen).toEqual(["command"]);
      // Middleware added after the router may act on any request, so routed requests reach it.
      listeners.use(async ({ next }) => {
        seen.push("later middleware");
        await next();
      });
      seen.length = 0;
      expect((await send(url, command("/only", "two"))).status).toBe(200);
      for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
      expect([...seen].sort()).toEqual(["command", "later middleware"]);
    } finally {
      await app.stop();
    }
  });
});

describe("the app the router hands out", () => {
  it("is still the app for everything but listener registration, inherited names included", () => {
    const app = new App({
      receiver: new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR }),
      authorize: async () => ({ botToken: "xoxb-router" }),
      logLevel: LogLevel.ERROR,
    });
    const routed = new ListenerRouter(app).app;
    expect(routed).toBeInstanceOf(App);
    expect(() => String(routed)).not.toThrow();
    const ownProperty = routed.hasOwnProperty;
    expect(ownProperty.call(routed, "client")).toBe(true);
  });
});
