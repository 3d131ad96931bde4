import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE, startTestBot, type TestBot } from "../support/bot";
import { waitUntil } from "../support/wait";

describe("App Home", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t?.close());

  it("shows the four objectives at a glance when the Home tab is opened", async () => {
    const delivered = await t.slack.appHomeOpened(PEOPLE.staff.id);
    expect(delivered.status).toBe(200);
    await t.standin.waitForCall("views.publish");
    const home = JSON.stringify(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks);
    expect(home).toContain("1. Transferring power to local organisations");
    expect(home).toContain("first and overarching");
    expect(home).toContain("4. Developing excellent relationships");
  });

  it("opens one objective in full in a modal from its Details button", async () => {
    const home = t.standin.homeViewOf(PEOPLE.staff.id);
    expect(home).toBeDefined();
    await t.slack.blockAction({
      user: PEOPLE.staff.id,
      actionId: "objectives_show_2",
      container: { type: "view", viewId: home!.id },
    });
    await t.standin.waitForCall("views.open");
    const [modal] = t.standin.openViewsFor(PEOPLE.staff.id);
    expect(modal?.title?.text).toBe("Objective 2");
    expect(JSON.stringify(modal?.blocks)).toContain("Establishing the commissioning landscape");
  });
});

describe("installed workspaces", () => {
  it("records the workspace the bot token belongs to, with its name, at start-up", async () => {
    const t = await startTestBot();
    try {
      await waitUntil(async () => (await t.bot.core.workspaces.list()).length > 0);
      expect(await t.bot.core.workspaces.list()).toEqual([
        expect.objectContaining({ id: t.standin.workspace.team.id, name: t.standin.workspace.team.name }),
      ]);
    } finally {
      await t.close();
    }
  });
});
