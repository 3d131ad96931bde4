import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackDelivery, type SlackStandin, slackSignature } from "../src/index";
import { fixtureJson, modal, readFixture, seededStandin, startCapture } from "./helpers";

const SECRET = "test-signing-secret";
let standin: SlackStandin;
let capture: Awaited<ReturnType<typeof startCapture>>;
let delivery: SlackDelivery;
let people: Awaited<ReturnType<typeof seededStandin>>;

beforeEach(async () => {
  people = await seededStandin();
  standin = people.standin;
  capture = await startCapture();
  delivery = standin.delivery(capture.url, SECRET);
});
afterEach(async () => {
  await standin.close();
  await capture.close();
});

const keysOf = (value: unknown) => Object.keys(value as object);
const lastPayload = () =>
  JSON.parse(new URLSearchParams(capture.requests.at(-1)?.body).get("payload") ?? "{}") as Record<string, unknown>;

describe("signing", () => {
  it("reproduces Slack's documented signature example", () => {
    const vector = fixtureJson("signing/slack-docs-signature-example.json");
    const body = String(vector.body);
    expect(Buffer.byteLength(body)).toBe(362);
    const signature = slackSignature(String(vector.signing_secret), Number(vector.x_slack_request_timestamp), body);
    expect(signature).toBe(vector.x_slack_signature);
    expect(signature).toBe("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  });

  it("signs every delivery over the exact bytes sent, and can sign wrongly or late on request", async () => {
    await delivery.urlVerification();
    await delivery.urlVerification({
      badSignature: true,
      staleTimestamp: true,
      retry: { num: 1, reason: "http_timeout" },
    });
    const [good, bad] = capture.requests;
    const ts = Number(good?.headers["x-slack-request-timestamp"]);
    expect(good?.headers["x-slack-signature"]).toBe(slackSignature(SECRET, ts, good?.body ?? ""));
    const badTs = Number(bad?.headers["x-slack-request-timestamp"]);
    expect(ts - badTs).toBeGreaterThan(300);
    expect(bad?.headers["x-slack-signature"]).not.toBe(slackSignature(SECRET, badTs, bad?.body ?? ""));
    expect(bad?.headers).toMatchObject({ "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
  });
});

describe("payload formats", () => {
  it("sends a slash command as a form body with Slack's fields in Slack's order", async () => {
    const sent = await delivery.slashCommand({
      command: "/objectives",
      text: "objective 1",
      user: people.alice.id,
      channel: people.general.id,
    });
    const request = capture.requests[0];
    const fields = new URLSearchParams(request?.body);
    const shapeKeys = keysOf(fixtureJson("shapes/SlashCommandPayload.json"));
    const docsKeys = [...new URLSearchParams(readFixture("payloads/slash_command.form.txt")).keys()];
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...fields.keys()].every((k) => shapeKeys.includes(k))).toBe(true);
    expect([...fields.keys()].filter((k) => docsKeys.includes(k))).toEqual(docsKeys);
    expect(Object.fromEntries(fields)).toMatchObject({
      command: "/objectives",
      text: "objective 1",
      user_name: "alice",
      channel_name: "ccg-general",
    });
    expect(fields.get("trigger_id")).toBe(sent.triggerId);
    expect(fields.get("response_url")).toBe(sent.responseUrl);
    expect(request?.body).toContain("command=%2Fobjectives");
  });

  it("sends a message shortcut with the whole message, like message_action.json", async () => {
    const message = standin.workspace.postAsUser(people.general.id, people.alice.id, "Our CCG lost a say over budgets");
    await delivery.messageShortcut({
      callbackId: "log_concern",
      user: people.bob.id,
      channel: people.general.id,
      message,
    });
    const payload = lastPayload();
    const fixture = fixtureJson("payloads/message_action.json");
    expect(keysOf(payload)).toEqual(expect.arrayContaining(keysOf(fixture)));
    expect(payload).toMatchObject({ type: "message_action", callback_id: "log_concern", message_ts: message.ts });
    expect(payload.message).toMatchObject({
      type: "message",
      text: message.text,
      user: people.alice.id,
      ts: message.ts,
    });
  });

  it("sends a global shortcut without channel or response_url, like shortcut.global.json", async () => {
    await delivery.globalShortcut({ callbackId: "ask_objectives", user: people.alice.id });
    const payload = lastPayload();
    expect(keysOf(payload)).toEqual(expect.arrayContaining(keysOf(fixtureJson("payloads/shortcut.global.json"))));
    expect(payload).not.toHaveProperty("channel");
    expect(payload).not.toHaveProperty("response_url");
  });

  it("sends a button click in a message with the fields of block_actions.button.json", async () => {
    const posted = await people.client.chat.postMessage({
      channel: people.general.id,
      text: "Digest",
      blocks: [
        {
          type: "actions",
          block_id: "digest",
          elements: [
            {
              type: "button",
              action_id: "open_minutes",
              value: "2012-06-25",
              text: { type: "plain_text", text: "Open" },
            },
          ],
        },
      ],
    });
    await delivery.blockAction({
      user: people.bob.id,
      actionId: "open_minutes",
      container: { type: "message", channel: people.general.id, ts: String(posted.ts) },
    });
    const payload = lastPayload();
    const fixture = fixtureJson("payloads/block_actions.button.json");
    const [action] = payload.actions as Record<string, unknown>[];
    expect(keysOf(payload)).toEqual(expect.arrayContaining(keysOf(fixture)));
    expect(keysOf(action)).toEqual(expect.arrayContaining(keysOf((fixture.actions as unknown[])[0])));
    expect(action).toMatchObject({
      action_id: "open_minutes",
      block_id: "digest",
      type: "button",
      value: "2012-06-25",
    });
    expect(payload.container).toEqual({
      type: "message",
      message_ts: posted.ts,
      channel_id: people.general.id,
      is_ephemeral: false,
    });
  });

  it("builds view.state.values in Slack's shape for each kind of input", async () => {
    const option = (value: string) => ({ text: { type: "plain_text", text: `Objective ${value}` }, value });
    const input = (block_id: string, element: Record<string, unknown>) => ({
      type: "input",
      block_id,
      label: { type: "plain_text", text: block_id },
      element: { action_id: "v", ...element },
    });
    await people.client.views.open({
      trigger_id: standin.issueTriggerId(people.alice.id),
      view: modal({
        blocks: [
          input("summary", { type: "plain_text_input" }),
          input("objective", { type: "static_select", options: [option("1"), option("2")] }),
          input("severity", { type: "radio_buttons", options: [option("low"), option("high")] }),
          input("areas", { type: "checkboxes", options: [option("a"), option("b"), option("c")] }),
          input("raised_on", { type: "datepicker", initial_date: "2012-04-23" }),
        ],
      }),
    });
    await delivery.viewSubmission({
      user: people.alice.id,
      values: { summary: "Budget control moved", objective: "1", severity: "high", areas: ["a", "c"] },
    });
    const view = lastPayload().view as { state: { values: Record<string, Record<string, unknown>> } };
    expect(view.state.values).toEqual({
      summary: { v: { type: "plain_text_input", value: "Budget control moved" } },
      objective: { v: { type: "static_select", selected_option: option("1") } },
      severity: { v: { type: "radio_buttons", selected_option: option("high") } },
      areas: { v: { type: "checkboxes", selected_options: [option("a"), option("c")] } },
      raised_on: { v: { type: "datepicker", selected_date: "2012-04-23" } },
    });
    expect(keysOf(lastPayload())).toEqual(expect.arrayContaining(keysOf(fixtureJson("payloads/view_submission.json"))));
  });

  it("refuses to submit what Slack's client would not: a required input left empty", async () => {
    await people.client.views.open({ trigger_id: standin.issueTriggerId(people.alice.id), view: modal() });
    await expect(delivery.viewSubmission({ user: people.alice.id })).rejects.toThrow(/required input concern is empty/);
    await expect(delivery.viewSubmission({ user: people.alice.id, values: { nope: "x" } })).rejects.toThrow(
      /No input element for nope/,
    );
    expect(capture.requests).toEqual([]);
  });

  it("wraps app_home_opened in an event_callback envelope with the published Home view", async () => {
    await people.client.views.publish({
      user_id: people.alice.id,
      view: { type: "home", blocks: [{ type: "divider" }] },
    });
    const sent = await delivery.appHomeOpened(people.alice.id);
    const fixture = fixtureJson("payloads/app_home_opened.event_callback.json");
    expect(capture.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(keysOf(sent.payload)).toEqual(expect.arrayContaining([...keysOf(fixture), "authorizations"]));
    expect(sent.payload.event).toMatchObject({
      type: "app_home_opened",
      user: people.alice.id,
      tab: "home",
      view: { type: "home" },
    });
    expect(sent.payload.event.channel).toMatch(/^D/);
    expect(sent.payload.authorizations[0]).toMatchObject({ user_id: "U0LOCALBOT", is_bot: true, team_id: "T0LOCAL" });
  });

  it("sends url_verification with the fields of Slack's example", async () => {
    const sent = await delivery.urlVerification();
    expect(keysOf(sent.payload).sort()).toEqual(keysOf(fixtureJson("payloads/url_verification.json")).sort());
  });
});
