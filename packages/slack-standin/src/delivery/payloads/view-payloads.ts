import { renderView } from "../../api/render";
import type { StandinContext } from "../../context";
import type { StoredView } from "../../state/types";
import { openViewOf } from "./block-actions";
import { interactionBase } from "./common";
import { buildViewState, clientSideRefusal, type EnteredValues, type EnteredValuesByBlock } from "./view-state";

export interface ViewSubmissionInput {
  user: string;
  /** Defaults to the modal on top of the user's stack. */
  viewId?: string;
  values?: EnteredValues;
  /** The same by block_id then action_id (what a form knows exactly); wins over `values`. */
  valuesByBlock?: EnteredValuesByBlock;
}

export interface ViewClosedInput {
  user: string;
  viewId?: string;
}

function topModalOf(ctx: StandinContext, user: string, viewId: string | undefined): StoredView {
  if (viewId) return openViewOf(ctx, viewId, user);
  const top = ctx.views.openStack(user).at(-1);
  if (!top) throw new Error(`${user} has no open modal`);
  return top;
}

function viewInteraction(ctx: StandinContext, type: string, user: string) {
  const { action_ts: _unused, ...base } = interactionBase(ctx, type, user);
  return base;
}

/**
 * `type: "view_submission"` with `view.state.values` built from the stored view's blocks. Throws
 * when Slack's client would not submit (not the top modal, no submit button, required input empty).
 */
export function buildViewSubmission(ctx: StandinContext, input: ViewSubmissionInput) {
  const view = topModalOf(ctx, input.user, input.viewId);
  if (view.type !== "modal" || !view.submit) throw new Error(`View ${view.id} has no submit button`);
  if (ctx.views.openStack(input.user).at(-1) !== view) throw new Error(`View ${view.id} is not the top modal`);
  const state = buildViewState(view.blocks, view.state, input.values ?? {}, input.valuesByBlock ?? {});
  const refusal = clientSideRefusal(view.blocks, state);
  if (refusal) throw new Error(`Slack would not submit view ${view.id}: ${refusal}`);
  view.state = state;
  const payload = {
    ...viewInteraction(ctx, "view_submission", input.user),
    trigger_id: ctx.triggers.issue(input.user),
    view: renderView(ctx, view),
    response_urls: [],
  };
  return { view, payload };
}

/** `type: "view_closed"`; Slack sends it only for views opened with notify_on_close. */
export function buildViewClosed(ctx: StandinContext, input: ViewClosedInput) {
  const view = topModalOf(ctx, input.user, input.viewId);
  const payload = {
    ...viewInteraction(ctx, "view_closed", input.user),
    view: renderView(ctx, view),
    is_cleared: view.clear_on_close,
  };
  return { view, payload };
}
