import { z } from "zod";
import { withSlackIds } from "../blocks/normalize";
import { checkMessageBlocks, checkView } from "../blocks/validate";
import type { StandinContext } from "../context";
import { SlackApiError } from "../errors";
import type { StoredView } from "../state/types";
import type { DeliveryResult } from "./transport";

/** What Slack did with the app's answer, as the user would notice it. */
export type AckEffect =
  | { kind: "none" }
  | { kind: "ephemeral" | "in_channel"; text: string }
  | { kind: "failed"; reason: string };

export type ViewAckEffect =
  | { kind: "closed" | "cleared" | "updated" | "pushed" }
  | { kind: "errors"; errors: Record<string, string> }
  | { kind: "failed"; reason: string };

const slashAck = z.looseObject({
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  response_type: z.enum(["ephemeral", "in_channel"]).optional(),
});

type SlashAck = z.output<typeof slashAck>;

const viewAck = z.looseObject({
  response_action: z.enum(["errors", "update", "push", "clear"]),
  errors: z.record(z.string(), z.string()).optional(),
  view: z.unknown().optional(),
});

function failure(result: DeliveryResult): string | undefined {
  if (result.status !== 200) return `app answered HTTP ${result.status}`;
  if (result.tooSlow) return "app did not answer within 3 seconds";
  return undefined;
}

/** A slash command ack with text/blocks is shown at once: to the user only unless in_channel. */
export function applySlashCommandAck(
  ctx: StandinContext,
  channel: string,
  user: string,
  result: DeliveryResult,
): AckEffect {
  const failed = failure(result);
  if (failed) return { kind: "failed", reason: failed };
  if (result.body === undefined) return { kind: "none" };
  const message: SlashAck | undefined =
    typeof result.body === "string" ? { text: result.body } : slashAck.safeParse(result.body).data;
  if (!message) return { kind: "failed", reason: "ack body is not a message" };
  try {
    const checked = checkMessageBlocks(message.blocks, ctx.limits, false);
    const blocks = checked ? withSlackIds(checked) : undefined;
    const text = message.text ?? "";
    if (message.response_type === "in_channel") {
      ctx.messages.post({
        channel,
        text,
        blocks,
        user: ctx.app.botUserId,
        bot_id: ctx.app.botId,
        app_id: ctx.app.appId,
      });
      return { kind: "in_channel", text };
    }
    ctx.messages.postEphemeral({ channel, user, text, blocks, source: "ack" });
    return { kind: "ephemeral", text };
  } catch (error) {
    if (error instanceof SlackApiError) return { kind: "failed", reason: error.message };
    throw error;
  }
}

/** Applies a view_submission ack to the user's modal stack, as Slack does. */
export function applyViewSubmissionAck(ctx: StandinContext, view: StoredView, result: DeliveryResult): ViewAckEffect {
  const failed = failure(result);
  if (failed) return { kind: "failed", reason: failed };
  if (result.body === undefined) {
    ctx.views.closeTop(view.user);
    return { kind: "closed" };
  }
  const parsed = viewAck.safeParse(result.body);
  if (!parsed.success) return { kind: "failed", reason: "ack body has no valid response_action" };
  try {
    return applyResponseAction(ctx, view, parsed.data);
  } catch (error) {
    if (error instanceof SlackApiError) return { kind: "failed", reason: error.message };
    throw error;
  }
}

function applyResponseAction(ctx: StandinContext, view: StoredView, ack: z.output<typeof viewAck>): ViewAckEffect {
  switch (ack.response_action) {
    case "clear":
      ctx.views.clearStack(view.user);
      return { kind: "cleared" };
    case "errors":
      return showErrors(ctx, view, ack.errors ?? {});
    case "update": {
      const input = checkView(ack.view, "modal", ctx.limits);
      ctx.views.update(view, { ...input, blocks: withSlackIds(input.blocks) });
      return { kind: "updated" };
    }
    case "push": {
      const input = checkView(ack.view, "modal", ctx.limits);
      if (!ctx.views.canPush(view.user)) return { kind: "failed", reason: "push_limit_reached" };
      ctx.views.push(view.user, { ...input, blocks: withSlackIds(input.blocks) });
      return { kind: "pushed" };
    }
  }
}

/** Errors must name input blocks of the view, or Slack shows a generic error instead. */
function showErrors(ctx: StandinContext, view: StoredView, errors: Record<string, string>): ViewAckEffect {
  const inputIds = new Set(view.blocks.filter((b) => b.type === "input").map((b) => String(b.block_id)));
  const unknown = Object.keys(errors).filter((id) => !inputIds.has(id));
  if (unknown.length > 0) return { kind: "failed", reason: `errors for unknown input blocks: ${unknown.join(", ")}` };
  ctx.views.showErrors(view, errors);
  return { kind: "errors", errors };
}
