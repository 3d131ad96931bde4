import { z } from "zod";
import { parseJsonValue } from "../../blocks/validate";
import type { StandinContext } from "../../context";
import { refuse } from "../../errors";
import type { AssistantThread } from "../../state/types";
import { visibleChannel } from "../access";
import { optionalId, type Params, parseParams } from "../params";
import type { MethodTable } from "../types";

const threadArgs = { channel_id: optionalId, thread_ts: optionalId };

/** The assistant thread a call names: channel_not_found / invalid_thread_ts as Slack answers. */
function threadOf(ctx: StandinContext, args: { channel_id?: string; thread_ts?: string }): AssistantThread {
  const channel = visibleChannel(ctx, args.channel_id);
  const thread = args.thread_ts ? ctx.assistantThreads.find(channel.id, args.thread_ts) : undefined;
  if (!thread) return refuse("invalid_thread_ts");
  return thread;
}

const stringList = z.preprocess(parseJsonValue, z.array(z.string().max(150)).max(10));
const prompts = z.preprocess(
  parseJsonValue,
  z
    .array(z.looseObject({ title: z.string().min(1).max(75), message: z.string().min(1).max(500) }))
    .min(1)
    .max(4),
);

function setStatus(ctx: StandinContext, params: Params) {
  const args = parseParams(
    z.looseObject({ ...threadArgs, status: z.string().max(100), loading_messages: stringList.optional() }),
    params,
  );
  const thread = threadOf(ctx, args);
  ctx.assistantThreads.change(thread, { status: args.status, loading_messages: args.loading_messages ?? [] });
  return {};
}

function setSuggestedPrompts(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ ...threadArgs, prompts, title: optionalId }), params);
  const thread = threadOf(ctx, args);
  ctx.assistantThreads.change(thread, { suggested_prompts: args.prompts, prompts_title: args.title });
  return {};
}

function setTitle(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ ...threadArgs, title: z.string().min(1).max(255) }), params);
  const thread = threadOf(ctx, args);
  ctx.assistantThreads.change(thread, { title: args.title });
  return {};
}

/** The assistant panel's threads: a status while the app works, suggested prompts and a title. */
export const assistantMethods: MethodTable = {
  "assistant.threads.setStatus": setStatus,
  "assistant.threads.setSuggestedPrompts": setSuggestedPrompts,
  "assistant.threads.setTitle": setTitle,
};
