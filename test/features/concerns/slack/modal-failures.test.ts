import type { InjectedFailure } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import { CHANNELS, dmsOf, PEOPLE, readable, startConcernBot, waitUntil } from "./support";

const FAILURES: Array<[string, InjectedFailure, RegExp]> = [
  ["answers 500", { status: 500 }, /Slack had a problem on its side/],
  ["hangs past the trigger's 3 seconds", { delayMs: 6_000 }, /within 3 seconds/],
  ["says the trigger expired", { error: "expired_trigger_id" }, /within 3 seconds/],
  ["rate limits the app (429)", { status: 429, retryAfter: 20 }, /too many requests/],
];

describe("a modal that cannot open tells the person why, through the real Bolt receiver", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  it.each(FAILURES)(
    "`/concerns new` when views.open %s: an ephemeral note, and views.open tried once",
    async (_what, failure, why) => {
      const before = t.standin.callsTo("views.open").length;
      t.standin.failNext("views.open", failure);
      const delivered = await t.slack.slashCommand({
        command: "/concerns",
        text: "new",
        user: PEOPLE.staff.id,
        channel: CHANNELS.commissioning.id,
      });
      expect(delivered.status).toBe(200);
      const id = delivered.responseUrl.split("/").at(-1);
      const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 10_000);
      const said = readable(call.params);
      expect(said).toContain("the form could not open");
      expect(said).toMatch(why);
      expect(said).toContain("/concerns new");
      expect(call.params.response_type).toBe("ephemeral");
      await waitUntil(() => t.standin.callsTo("views.open").length > before, 10_000);
      expect(t.standin.callsTo("views.open")).toHaveLength(before + 1);
      expect(t.standin.openViewsFor(PEOPLE.staff.id).filter((v) => v.callback_id === "concern_form")).toHaveLength(0);
    },
  );

  it("the message shortcut's loading modal failing: told through the shortcut's response URL", async () => {
    t.standin.failNext("views.open", { status: 503 });
    const message = t.standin.workspace.postAsUser(
      CHANNELS.commissioning.id,
      PEOPLE.colleague.id,
      "The Board chose our provider.",
    );
    const delivered = await t.slack.messageShortcut({
      callbackId: "log_autonomy_concern",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
      message,
    });
    const url = (delivered.payload as { response_url: string }).response_url;
    const id = url.split("/").at(-1);
    const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 10_000);
    expect(readable(call.params)).toContain("Log autonomy concern");
  });

  it("the global shortcut, which has no channel: told by DM", async () => {
    t.standin.failNext("views.open", { error: "expired_trigger_id" });
    await t.slack.globalShortcut({ callbackId: "log_autonomy_concern_global", user: PEOPLE.colleague.id });
    await waitUntil(() => dmsOf(t, PEOPLE.colleague.id).includes("the form could not open"), 10_000);
  });
});
