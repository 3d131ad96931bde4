import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { modal, section, seededStandin, slackError } from "./helpers";
import { ManualClock } from "./manual-clock";

let standin: SlackStandin;
afterEach(() => standin?.close());

async function setup() {
  const clock = new ManualClock(new Date("2012-04-23T09:00:00Z"));
  const seeded = await seededStandin({ clock });
  standin = seeded.standin;
  return { ...seeded, clock };
}

describe("trigger_ids", () => {
  it("opens a modal with a fresh trigger and refuses one the stand-in never issued", async () => {
    const { client, alice } = await setup();
    const opened = await client.views.open({ trigger_id: standin.issueTriggerId(alice.id), view: modal() });
    expect(opened.view).toMatchObject({
      type: "modal",
      callback_id: "log_concern",
      root_view_id: String(opened.view?.id),
    });
    expect(standin.openViewsFor(alice.id).map((v) => v.id)).toEqual([opened.view?.id]);
    expect(await slackError(client.views.open({ trigger_id: "12345.98765.abcd2358fdea", view: modal() }))).toBe(
      "invalid_trigger_id",
    );
  });

  it("refuses a trigger used more than 3 seconds after the interaction", async () => {
    const { client, alice, clock } = await setup();
    const inTime = standin.issueTriggerId(alice.id);
    const late = standin.issueTriggerId(alice.id);
    clock.advance(2_900);
    await client.views.open({ trigger_id: inTime, view: modal() });
    clock.advance(200);
    expect(await slackError(client.views.open({ trigger_id: late, view: modal() }))).toBe("expired_trigger_id");
  });

  it("refuses a trigger exchanged twice", async () => {
    const { client, alice } = await setup();
    const trigger = standin.issueTriggerId(alice.id);
    await client.views.open({ trigger_id: trigger, view: modal() });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal() }))).toBe("exchanged_trigger_id");
  });

  it("keeps the trigger usable when the view itself was refused", async () => {
    const { client, alice } = await setup();
    const trigger = standin.issueTriggerId(alice.id);
    expect(
      await slackError(client.views.open({ trigger_id: trigger, view: { ...modal(), blocks: [{ type: "nope" }] } })),
    ).toBe("invalid_arguments");
    await client.views.open({ trigger_id: trigger, view: modal() });
  });
});

describe("views.update / push / publish", () => {
  it("updates a modal by view_id or external_id and refuses a stale hash", async () => {
    const { client, alice } = await setup();
    const opened = await client.views.open({
      trigger_id: standin.issueTriggerId(alice.id),
      view: modal({ external_id: "concern-42" }),
    });
    const loading = opened.view?.hash;
    const byId = await client.views.update({
      view_id: String(opened.view?.id),
      hash: loading,
      view: modal({ blocks: [section("Saved")], external_id: "concern-42" }),
    });
    expect(byId.view?.id).toBe(opened.view?.id);
    expect(byId.view?.hash).not.toBe(loading);
    expect(
      await slackError(client.views.update({ view_id: String(opened.view?.id), hash: loading, view: modal() })),
    ).toBe("hash_conflict");
    await client.views.update({ external_id: "concern-42", view: modal({ blocks: [section("By external id")] }) });
    expect(standin.openViewsFor(alice.id)[0]?.blocks[0]).toMatchObject({ text: { text: "By external id" } });
  });

  it("keeps what the user typed in an input the update keeps under the same block_id and action_id", async () => {
    const { client, alice } = await setup();
    const input = (blockId: string, initial?: string) => ({
      type: "input",
      block_id: blockId,
      label: { type: "plain_text", text: blockId },
      element: { type: "plain_text_input", action_id: "text", ...(initial ? { initial_value: initial } : {}) },
    });
    const opened = await client.views.open({
      trigger_id: standin.issueTriggerId(alice.id),
      view: modal({ blocks: [input("kept"), input("dropped")] }),
    });
    const viewId = String(opened.view?.id);
    const view = standin.openViewsFor(alice.id)[0];
    if (!view) throw new Error("no modal");
    view.state.values = {
      kept: { text: { type: "plain_text_input", value: "typed" } },
      dropped: { text: { type: "plain_text_input", value: "gone" } },
    };
    const updated = await client.views.update({
      view_id: viewId,
      hash: opened.view?.hash,
      view: modal({ blocks: [input("kept", "drawn"), input("new")] }),
    });
    expect(updated.view?.state).toEqual({ values: { kept: { text: { type: "plain_text_input", value: "typed" } } } });
    expect(await slackError(client.views.update({ view_id: viewId, hash: opened.view?.hash, view: modal() }))).toBe(
      "hash_conflict",
    );
  });

  it("answers not_found when the modal was closed before the update (bolt-js 1309)", async () => {
    const { client, alice } = await setup();
    const opened = await client.views.open({ trigger_id: standin.issueTriggerId(alice.id), view: modal() });
    standin.context.views.clearStack(alice.id);
    expect(await slackError(client.views.update({ view_id: String(opened.view?.id), view: modal() }))).toBe(
      "not_found",
    );
    expect(await slackError(client.views.update({ view_id: "V404", view: modal() }))).toBe("not_found");
  });

  it("pushes at most two views on top of the root", async () => {
    const { client, alice } = await setup();
    await client.views.open({ trigger_id: standin.issueTriggerId(alice.id), view: modal() });
    const second = await client.views.push({
      trigger_id: standin.issueTriggerId(alice.id),
      view: modal({ callback_id: "second" }),
    });
    await client.views.push({ trigger_id: standin.issueTriggerId(alice.id), view: modal({ callback_id: "third" }) });
    expect(second.view?.previous_view_id).toBe(standin.openViewsFor(alice.id)[0]?.id);
    expect(await slackError(client.views.push({ trigger_id: standin.issueTriggerId(alice.id), view: modal() }))).toBe(
      "push_limit_reached",
    );
    expect(standin.openViewsFor(alice.id).map((v) => v.callback_id)).toEqual(["log_concern", "second", "third"]);
  });

  it("publishes a Home tab per user and keeps its id across publishes", async () => {
    const { client, alice, bob } = await setup();
    const first = await client.views.publish({
      user_id: alice.id,
      view: { type: "home", blocks: [section("Four objectives")] },
    });
    const again = await client.views.publish({
      user_id: alice.id,
      view: { type: "home", blocks: [section("Updated")] },
    });
    expect(again.view?.id).toBe(first.view?.id);
    expect(standin.homeViewOf(alice.id)?.blocks[0]).toMatchObject({ text: { text: "Updated" } });
    expect(standin.homeViewOf(bob.id)).toBeUndefined();
    expect(await slackError(client.views.publish({ user_id: "U404", view: { type: "home", blocks: [] } }))).toBe(
      "user_not_found",
    );
  });
});
