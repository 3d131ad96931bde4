import { renderMessage, renderView } from "../../api/render";
import { isRecord } from "../../blocks/normalize";
import type { StandinContext } from "../../context";
import type { Block, StoredView } from "../../state/types";
import { channelRef, interactionBase, requireChannel } from "./common";
import { actionFields, isStateful, stateEntry, type UserInput } from "./element-state";
import { buildViewState, type EnteredValuesByBlock, findElement } from "./view-state";

export type ActionContainer =
  | { type: "message"; channel: string; ts: string; ephemeral?: boolean }
  | { type: "view"; viewId: string };

export interface BlockActionInput {
  user: string;
  actionId: string;
  /** Needed only when the same action_id appears in several blocks. */
  blockId?: string;
  /** What the user picked or typed; buttons need none. */
  value?: UserInput;
  container: ActionContainer;
  /**
   * In a modal: what the user has typed or picked in its other inputs so far, by block_id then
   * action_id. Slack's client sends it in `view.state.values` with the action, and keeps it.
   */
  valuesByBlock?: EnteredValuesByBlock;
}

/** `type: "block_actions"` for an element the stand-in finds in the stored message or view. */
export function buildBlockAction(ctx: StandinContext, input: BlockActionInput) {
  return input.container.type === "message"
    ? onMessage(ctx, input, input.container)
    : onView(ctx, input, input.container.viewId);
}

function action(ctx: StandinContext, blocks: Block[], input: BlockActionInput, where: string) {
  const found = findElement(blocks, input.actionId, input.blockId);
  if (!found) throw new Error(`No element with action_id ${input.actionId} in ${where}`);
  const { block, element } = found;
  if (block.type === "input" && block.dispatch_action !== true) {
    throw new Error(
      `Slack sends no block_actions for ${input.actionId}: its input block ${String(block.block_id)} does not set dispatch_action`,
    );
  }
  const fields = actionFields(element, input.value);
  const entry = isStateful(element) ? stateEntry(element, input.value) : undefined;
  const base = { action_id: input.actionId, block_id: String(block.block_id), type: element.type };
  return { block, element, entry, action: { ...base, ...fields, action_ts: ctx.ids.ts() } };
}

function common(ctx: StandinContext, userId: string) {
  const { action_ts: _unused, ...base } = interactionBase(ctx, "block_actions", userId);
  return base;
}

function onMessage(
  ctx: StandinContext,
  input: BlockActionInput,
  container: Extract<ActionContainer, { type: "message" }>,
) {
  const channel = requireChannel(ctx, container.channel);
  const stored = container.ephemeral
    ? ctx.messages.findEphemeral(channel.id, container.ts)
    : ctx.messages.find(channel.id, container.ts);
  if (!stored) throw new Error(`No ${container.ephemeral ? "ephemeral " : ""}message ${container.ts} in ${channel.id}`);
  const picked = action(ctx, stored.blocks ?? [], input, `message ${container.ts}`);
  if (picked.element.type === "feedback_buttons") {
    const negative = isRecord(picked.element.negative_button) ? picked.element.negative_button.value : undefined;
    const pressed = (picked.action as { value?: unknown }).value;
    ctx.messages.pressFeedback(stored, input.actionId, input.user, pressed === negative ? "negative" : "positive");
  }
  const responseUrlId = ctx.responseUrls.issue({
    channel: channel.id,
    user: input.user,
    messageTs: stored.ts,
    messageIsEphemeral: container.ephemeral ?? false,
    thread_ts: stored.thread_ts,
  });
  const values = picked.entry ? { [String(picked.block.block_id)]: { [input.actionId]: picked.entry } } : {};
  return {
    ...common(ctx, input.user),
    container: {
      type: "message",
      message_ts: stored.ts,
      channel_id: channel.id,
      is_ephemeral: container.ephemeral ?? false,
    },
    trigger_id: ctx.triggers.issue(input.user),
    channel: channelRef(channel),
    ...("reply_count" in stored ? { message: renderMessage(ctx, stored) } : {}),
    state: { values },
    response_url: ctx.responseUrl(responseUrlId),
    actions: [picked.action],
  };
}

function onView(ctx: StandinContext, input: BlockActionInput, viewId: string) {
  const view = openViewOf(ctx, viewId, input.user);
  const picked = action(ctx, view.blocks, input, `view ${viewId}`);
  if (input.valuesByBlock) view.state = buildViewState(view.blocks, view.state, {}, input.valuesByBlock);
  if (picked.entry) {
    const blockId = String(picked.block.block_id);
    view.state.values[blockId] = { ...view.state.values[blockId], [input.actionId]: picked.entry };
  }
  return {
    ...common(ctx, input.user),
    container: { type: "view", view_id: view.id },
    trigger_id: ctx.triggers.issue(input.user),
    view: renderView(ctx, view),
    actions: [picked.action],
  };
}

export function openViewOf(ctx: StandinContext, viewId: string, user: string): StoredView {
  const view = ctx.views.find(viewId);
  if (!view?.isOpen) throw new Error(`View ${viewId} is not open`);
  if (view.user !== user) throw new Error(`View ${viewId} belongs to ${view.user}, not ${user}`);
  return view;
}
