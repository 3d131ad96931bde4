import { DEFAULT_APP_TOKEN } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, startTestBot, type TestBot } from "../support/bot";

/** With SLACK_APP_TOKEN the bot connects in Socket Mode (no public URL) and answers over the socket. */
describe("Socket Mode", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ env: { SLACK_APP_TOKEN: DEFAULT_APP_TOKEN } });
    await t.standin.socketMode.waitForConnection();
  });
  afterAll(() => t?.close());

  it("opens its connection with the app-level token, against the configured Web API, and serves no HTTP port", async () => {
    const [open] = t.standin.callsTo("apps.connections.open");
    expect(open?.token).toBe(DEFAULT_APP_TOKEN);
    expect(t.bot.port).toBeNull();
    expect(t.standin.socketMode.connections).toBe(1);
  });

  it("refuses to open a connection with the bot token, as Slack does", async () => {
    const answer = await fetch(`${t.standin.apiUrl}apps.connections.open`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.standin.token}` },
    });
    expect(await answer.json()).toEqual({ ok: false, error: "not_allowed_token_type" });
  });

  it("answers /objectives in the acknowledgement of its slash_commands envelope", async () => {
    const { ack, effect } = await t.standin.socketMode.slashCommand({
      command: "/objectives",
      text: "1",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
    });
    expect(ack.envelope_id).toBeTruthy();
    expect(effect.kind).toBe("ephemeral");
    expect(JSON.stringify(ack.payload)).toContain("Objective 1. Transferring power to local organisations");
  });

  it("publishes App Home for an events_api envelope", async () => {
    await t.standin.socketMode.event({ type: "app_home_opened", user: PEOPLE.staff.id, tab: "home" });
    await t.standin.waitForCall("views.publish");
    expect(JSON.stringify(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks)).toContain("first and overarching");
  });
});
