import { z } from "zod";
import { boolArg } from "../api/params";
import { withSlackIds } from "../blocks/normalize";
import { checkMessageBlocks } from "../blocks/validate";
import type { StandinContext } from "../context";
import { SlackApiError } from "../errors";
import type { ResponseUrlTarget } from "../state/response-urls";
import type { Block } from "../state/types";
import { parseJsonObject } from "./body";

export interface PlainAnswer {
  status: number;
  body: Record<string, unknown>;
}

const responseBody = z.looseObject({
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  response_type: z.enum(["ephemeral", "in_channel"]).optional(),
  replace_original: boolArg.optional(),
  delete_original: boolArg.optional(),
  thread_ts: z.string().optional(),
});

type ResponseBody = z.output<typeof responseBody>;

/**
 * A POST to a response_url the stand-in issued. Without replace_original / delete_original a new
 * message is posted: ephemeral to the user unless response_type is "in_channel". Recorded in the
 * call log under the method name "response_url".
 */
export function answerResponseUrl(ctx: StandinContext, id: string, raw: Buffer): PlainAnswer {
  const answer = respond(ctx, id, raw);
  const params = parseJsonObject(raw.toString("utf8"));
  ctx.recorder.record({
    method: "response_url",
    params: typeof params === "string" ? { raw: raw.toString("utf8") } : { ...params, response_url_id: id },
    at: ctx.clock.now(),
    status: answer.status,
    response: answer.body,
  });
  return answer;
}

function respond(ctx: StandinContext, id: string, raw: Buffer): PlainAnswer {
  const use = ctx.responseUrls.use(id);
  if (!use.ok) return { status: 404, body: { ok: false, error: use.error } };
  const json = parseJsonObject(raw.toString("utf8"));
  if (typeof json === "string") return { status: 400, body: { ok: false, error: "invalid_payload" } };
  const parsed = responseBody.safeParse(json);
  if (!parsed.success) return { status: 400, body: { ok: false, error: "invalid_payload" } };
  try {
    return apply(ctx, use.target, parsed.data);
  } catch (error) {
    if (error instanceof SlackApiError) return { status: 400, body: error.toResponse() };
    throw error;
  }
}

function apply(ctx: StandinContext, target: ResponseUrlTarget, body: ResponseBody): PlainAnswer {
  if (body.delete_original) return deleteOriginal(ctx, target);
  const checked = checkMessageBlocks(body.blocks, ctx.limits, false);
  const blocks: Block[] | undefined = checked ? withSlackIds(checked) : undefined;
  const text = body.text ?? "";
  if (text === "" && !blocks) return { status: 400, body: { ok: false, error: "no_text" } };
  if (body.replace_original) return replaceOriginal(ctx, target, text, blocks);
  if (body.response_type === "in_channel") {
    ctx.messages.post({
      channel: target.channel,
      text,
      blocks,
      thread_ts: body.thread_ts ?? target.thread_ts,
      user: ctx.app.botUserId,
      bot_id: ctx.app.botId,
      app_id: ctx.app.appId,
    });
  } else {
    ctx.messages.postEphemeral({
      channel: target.channel,
      user: target.user,
      text,
      blocks,
      thread_ts: target.thread_ts,
      source: "response_url",
    });
  }
  return { status: 200, body: { ok: true } };
}

function replaceOriginal(
  ctx: StandinContext,
  target: ResponseUrlTarget,
  text: string,
  blocks: Block[] | undefined,
): PlainAnswer {
  const ts = target.messageTs;
  if (ts && target.messageIsEphemeral) {
    const ephemeral = ctx.messages.findEphemeral(target.channel, ts);
    if (!ephemeral) return notFound();
    ctx.messages.replaceEphemeral(ephemeral, { text, blocks });
    return { status: 200, body: { ok: true } };
  }
  const message = ts ? ctx.messages.find(target.channel, ts) : undefined;
  if (!message) return notFound();
  ctx.messages.update(message, { text, blocks }, ctx.app.botUserId);
  return { status: 200, body: { ok: true } };
}

function deleteOriginal(ctx: StandinContext, target: ResponseUrlTarget): PlainAnswer {
  const ts = target.messageTs;
  if (ts && target.messageIsEphemeral) {
    const ephemeral = ctx.messages.findEphemeral(target.channel, ts);
    if (!ephemeral) return notFound();
    ctx.messages.deleteEphemeral(ephemeral);
    return { status: 200, body: { ok: true } };
  }
  return ts && ctx.messages.remove(target.channel, ts) ? { status: 200, body: { ok: true } } : notFound();
}

function notFound(): PlainAnswer {
  return { status: 404, body: { ok: false, error: "message_not_found" } };
}
