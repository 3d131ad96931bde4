import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackDelivery, SlackStandin } from "../src/index";
import { modal, section, seededStandin, startCapture } from "./helpers";

let standin: SlackStandin;
let capture: Awaited<ReturnType<typeof startCapture>>;
let delivery: SlackDelivery;
let people: Awaited<ReturnType<typeof seededStandin>>;

beforeEach(async () => {
  people = await seededStandin();
  standin = people.standin;
  capture = await startCapture();
  delivery = standin.delivery(capture.url, "secret");
});
afterEach(async () => {
  await standin.close();
  await capture.close();
});

const lastPayload = () =>
  JSON.parse(new URLSearchParams(capture.requests.at(-1)?.body).get("payload") ?? "{}") as Record<string, unknown>;
const callbacks = () => standin.openViewsFor(people.alice.id).map((v) => v.callback_id);

async function openModal(overrides: Record<string, unknown> = {}) {
  await people.client.views.open({ trigger_id: standin.issueTriggerId(people.alice.id), view: modal(overrides) });
  return standin.openViewsFor(people.alice.id)[0]?.id ?? "";
}

describe("what Slack does with the app's answer", () => {
  it("posts an in_channel slash command ack in the channel for everyone", async () => {
    capture.reply = JSON.stringify({ response_type: "in_channel", text: "Objective 1: transferring power" });
    const answer = await delivery.slashCommand({
      command: "/objectives",
      text: "1",
      user: people.alice.id,
      channel: people.general.id,
    });
    expect(answer.effect).toEqual({ kind: "in_channel", text: "Objective 1: transferring power" });
    expect(standin.messagesIn(people.general.id).map((m) => m.text)).toEqual(["Objective 1: transferring power"]);
  });

  it("reports an ack Slack could not show, such as invalid blocks", async () => {
    capture.reply = JSON.stringify({ text: "x", blocks: [{ type: "carousel" }] });
    const answer = await delivery.slashCommand({
      command: "/objectives",
      user: people.alice.id,
      channel: people.general.id,
    });
    expect(answer.effect.kind).toBe("failed");
    expect(standin.ephemeralsFor(people.alice.id)).toEqual([]);
  });

  it("applies response_action update, push and clear to the modal stack", async () => {
    const root = await openModal();
    capture.reply = JSON.stringify({ response_action: "update", view: modal({ callback_id: "updated" }) });
    expect((await delivery.viewSubmission({ user: people.alice.id, values: { text: "a" } })).effect).toEqual({
      kind: "updated",
    });
    expect(standin.openViewsFor(people.alice.id).map((v) => [v.id, v.callback_id])).toEqual([[root, "updated"]]);
    capture.reply = JSON.stringify({ response_action: "push", view: modal({ callback_id: "pushed" }) });
    await delivery.viewSubmission({ user: people.alice.id, values: { text: "b" } });
    expect(callbacks()).toEqual(["updated", "pushed"]);
    capture.reply = JSON.stringify({ response_action: "clear" });
    expect((await delivery.viewSubmission({ user: people.alice.id, values: { text: "c" } })).effect).toEqual({
      kind: "cleared",
    });
    expect(callbacks()).toEqual([]);
  });

  it("closes only the top modal on an empty ack, showing the one beneath again", async () => {
    await openModal();
    await people.client.views.push({
      trigger_id: standin.issueTriggerId(people.alice.id),
      view: modal({ callback_id: "details" }),
    });
    await delivery.viewSubmission({ user: people.alice.id, values: { text: "x" } });
    expect(callbacks()).toEqual(["log_concern"]);
  });

  it("refuses errors for blocks that are not inputs of the view, as Slack does", async () => {
    await openModal();
    capture.reply = JSON.stringify({ response_action: "errors", errors: { wrong_block: "Nope" } });
    const answer = await delivery.viewSubmission({ user: people.alice.id, values: { text: "x" } });
    expect(answer.effect).toEqual({ kind: "failed", reason: "errors for unknown input blocks: wrong_block" });
    expect(callbacks()).toEqual(["log_concern"]);
  });
});

describe("actions inside views", () => {
  it("remembers a selection made in a modal and sends it again on submission", async () => {
    const picker = {
      type: "actions",
      block_id: "pick",
      elements: [
        {
          type: "static_select",
          action_id: "objective",
          options: [1, 2].map((n) => ({ text: { type: "plain_text", text: `Objective ${n}` }, value: String(n) })),
        },
      ],
    };
    const viewId = await openModal({ blocks: [...modal().blocks, picker] });
    await delivery.blockAction({
      user: people.alice.id,
      actionId: "objective",
      value: "2",
      container: { type: "view", viewId },
    });
    const action = lastPayload();
    expect(action.container).toEqual({ type: "view", view_id: viewId });
    expect((action.actions as Record<string, unknown>[])[0]).toMatchObject({
      type: "static_select",
      selected_option: { value: "2" },
    });
    await delivery.viewSubmission({ user: people.alice.id, values: { text: "x" } });
    const submitted = lastPayload().view as { state: { values: Record<string, unknown> } };
    expect(submitted.state.values.pick).toEqual({
      objective: {
        type: "static_select",
        selected_option: { text: { type: "plain_text", text: "Objective 2" }, value: "2" },
      },
    });
  });

  it("sends a choice made in an input block only where the block sets dispatch_action, with what else was typed", async () => {
    const choice = (dispatch: boolean) => ({
      type: "input",
      block_id: "kind",
      ...(dispatch ? { dispatch_action: true } : {}),
      label: { type: "plain_text", text: "Who answers?" },
      element: {
        type: "radio_buttons",
        action_id: "kind",
        options: ["group", "channel"].map((value) => ({ text: { type: "plain_text", text: value }, value })),
      },
    });
    const quiet = await openModal({ blocks: [...modal().blocks, choice(false)] });
    const press = (viewId: string, valuesByBlock?: Record<string, Record<string, string>>) =>
      delivery.blockAction({
        user: people.alice.id,
        actionId: "kind",
        value: "channel",
        container: { type: "view", viewId },
        ...(valuesByBlock ? { valuesByBlock } : {}),
      });
    await expect(press(quiet)).rejects.toThrow(/does not set dispatch_action/);
    expect(capture.requests).toHaveLength(0);

    const viewId = await openModal({ blocks: [...modal().blocks, choice(true)] });
    await press(viewId, { concern: { text: "The area team chose for us" } });
    const view = lastPayload().view as { hash: string; state: { values: Record<string, Record<string, unknown>> } };
    expect(view.hash).toBe(standin.openViewsFor(people.alice.id)[0]?.hash);
    expect(view.state.values).toEqual({
      concern: { text: { type: "plain_text_input", value: "The area team chose for us" } },
      kind: {
        kind: {
          type: "radio_buttons",
          selected_option: { text: { type: "plain_text", text: "channel" }, value: "channel" },
        },
      },
    });
  });

  it("delivers a click on the Home tab and refuses one on an element the surface does not show", async () => {
    const button = { type: "button", action_id: "log_concern", text: { type: "plain_text", text: "Log a concern" } };
    const withButton = { ...section("Home"), accessory: button };
    const home = await people.client.views.publish({
      user_id: people.alice.id,
      view: { type: "home", blocks: [withButton] },
    });
    const viewId = String(home.view?.id);
    const sent = await delivery.blockAction({
      user: people.alice.id,
      actionId: "log_concern",
      container: { type: "view", viewId },
    });
    expect(sent.payload).toMatchObject({
      type: "block_actions",
      view: { type: "home", id: viewId },
      actions: [{ type: "button" }],
    });
    await expect(
      delivery.blockAction({ user: people.alice.id, actionId: "missing", container: { type: "view", viewId } }),
    ).rejects.toThrow(/No element with action_id missing/);
  });

  it("tells the app a modal was closed only when it asked with notify_on_close", async () => {
    await openModal();
    expect(await delivery.viewClosed({ user: people.alice.id })).toBeUndefined();
    expect(callbacks()).toEqual([]);
    await openModal({ notify_on_close: true });
    const sent = await delivery.viewClosed({ user: people.alice.id });
    expect(sent?.payload).toMatchObject({
      type: "view_closed",
      is_cleared: false,
      view: { callback_id: "log_concern" },
    });
    expect(capture.requests).toHaveLength(1);
  });
});
