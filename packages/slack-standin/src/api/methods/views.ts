import { z } from "zod";
import { withSlackIds } from "../../blocks/normalize";
import { checkView } from "../../blocks/validate";
import type { StandinContext } from "../../context";
import { refuse } from "../../errors";
import type { StoredView, ViewType } from "../../state/types";
import type { ViewInput } from "../../state/views";
import { knownUser } from "../access";
import { optionalId, type Params, parseParams } from "../params";
import { renderView } from "../render";
import type { MethodTable } from "../types";

const triggerArgs = z.looseObject({ trigger_id: optionalId, interactivity_pointer: optionalId, view: z.unknown() });
const updateArgs = z.looseObject({ view_id: optionalId, external_id: optionalId, hash: optionalId, view: z.unknown() });
const publishArgs = z.looseObject({ user_id: optionalId, hash: optionalId, view: z.unknown() });

/** The view as Slack stores it: checked, with block and action ids filled in. */
function acceptedView(ctx: StandinContext, raw: unknown, type: ViewType | undefined): ViewInput {
  const view = checkView(raw, type, ctx.limits);
  return { ...view, blocks: withSlackIds(view.blocks) };
}

function refuseDuplicateExternalId(ctx: StandinContext, view: ViewInput, self?: StoredView): void {
  const holder = view.external_id ? ctx.views.findByExternalId(view.external_id) : undefined;
  if (holder && holder !== self) refuse("duplicate_external_id");
}

function open(ctx: StandinContext, params: Params) {
  const args = parseParams(triggerArgs, params);
  const view = acceptedView(ctx, args.view, "modal");
  refuseDuplicateExternalId(ctx, view);
  const user = ctx.triggers.exchange(args.trigger_id ?? args.interactivity_pointer);
  return { view: renderView(ctx, ctx.views.open(user, view)) };
}

function push(ctx: StandinContext, params: Params) {
  const args = parseParams(triggerArgs, params);
  const view = acceptedView(ctx, args.view, "modal");
  refuseDuplicateExternalId(ctx, view);
  const user = ctx.triggers.exchange(args.trigger_id ?? args.interactivity_pointer);
  if (ctx.views.openStack(user).length === 0) {
    return refuse("invalid_arguments", "[ERROR] no open modal to push onto [json-pointer:/view]");
  }
  if (!ctx.views.canPush(user)) return refuse("push_limit_reached");
  return { view: renderView(ctx, ctx.views.push(user, view)) };
}

function update(ctx: StandinContext, params: Params) {
  const args = parseParams(updateArgs, params);
  if (!args.view_id && !args.external_id) {
    return refuse("invalid_arguments", "[ERROR] one of `view_id` or `external_id` is required");
  }
  const target = args.view_id ? ctx.views.find(args.view_id) : ctx.views.findByExternalId(args.external_id ?? "");
  if (!target?.isOpen) return refuse("not_found");
  if (args.hash && args.hash !== target.hash) return refuse("hash_conflict");
  const view = acceptedView(ctx, args.view, target.type);
  refuseDuplicateExternalId(ctx, view, target);
  return { view: renderView(ctx, ctx.views.update(target, view, { keepEntered: true })) };
}

function publish(ctx: StandinContext, params: Params) {
  const args = parseParams(publishArgs, params);
  const user = knownUser(ctx, args.user_id);
  const view = acceptedView(ctx, args.view, "home");
  const current = ctx.views.homeOf(user.id);
  if (args.hash && current && args.hash !== current.hash) return refuse("hash_conflict");
  return { view: renderView(ctx, ctx.views.publishHome(user.id, view)) };
}

export const viewMethods: MethodTable = {
  "views.open": open,
  "views.push": push,
  "views.update": update,
  "views.publish": publish,
};
