import type { ViewResponseAction } from "@slack/bolt";
import { CONCERN_INPUTS } from "../../../slack/ids";
import { openModal } from "../../../slack/open-modal";
import { UNCHECKED_FORM_TEXT } from "../../../slack/signed-metadata";
import type { SlackClient } from "./client";
import { slackErrorCode } from "./client";
import type { ConcernsSlackDeps } from "./deps";
import { inputsOf } from "./form-state";
import { decodePublishMetadata, encodePublishMetadata } from "./metadata";
import { valueFor } from "./notifier";
import { publishModal, publishNoticeModal, roundUpMessage } from "./views/publish";
import type { ModalView } from "./views/view";

type PublishDeps = Pick<ConcernsSlackDeps, "concerns" | "triageChannel">;

interface PublishView {
  private_metadata?: string;
  state?: { values?: unknown };
}

/** `/concerns publish`: the preview modal, for leads. */
export async function openPublishModal(
  deps: PublishDeps,
  client: SlackClient,
  context: { triggerId: string; workspaceId: string; userId: string; channelId: string; responseUrl: string },
): Promise<void> {
  const found = await deps.concerns.publication.candidates(context.workspaceId, context.userId);
  const triageChannel = await valueFor(deps.triageChannel, context.workspaceId);
  const view = found.ok
    ? publishModal({
        items: found.value,
        chosen: found.value.map((item) => item.concernId),
        channel: context.channelId === triageChannel ? null : context.channelId,
        metadata: encodePublishMetadata(context.channelId),
      })
    : publishNoticeModal(found.reason);
  await openModal(client, {
    triggerId: context.triggerId,
    view,
    who: { userId: context.userId, channelId: context.channelId, responseUrl: context.responseUrl },
    retry: "run `/concerns publish` again.",
  });
}

/** The modal drawn again as items are ticked, so the preview always shows what will be posted. */
export async function redrawPublishModal(
  deps: PublishDeps,
  workspaceId: string,
  userId: string,
  view: PublishView,
): Promise<ModalView | null> {
  const origin = decodePublishMetadata(view.private_metadata);
  if (!origin) return null;
  const found = await deps.concerns.publication.candidates(workspaceId, userId);
  if (!found.ok) return null;
  const read = inputsOf(view.state?.values);
  return publishModal({
    items: found.value,
    chosen: (read(CONCERN_INPUTS.publishItems)?.selected_options ?? []).map((option) => option.value),
    channel: read(CONCERN_INPUTS.publishChannel)?.selected_conversation ?? origin.channel,
    metadata: encodePublishMetadata(origin.channel),
  });
}

/** Publishing: checked first (items still publishable, a staff channel the bot is in), then posted and recorded. */
export async function submitPublish(
  deps: PublishDeps,
  client: SlackClient,
  request: { workspaceId: string; userId: string },
  view: PublishView,
): Promise<ViewResponseAction> {
  const read = inputsOf(view.state?.values);
  const ids = (read(CONCERN_INPUTS.publishItems)?.selected_options ?? []).map((option) => option.value);
  const channel = read(CONCERN_INPUTS.publishChannel)?.selected_conversation ?? null;
  const itemsError = (message: string) => errors(CONCERN_INPUTS.publishItems.block, message);
  const channelError = (message: string) => errors(CONCERN_INPUTS.publishChannel.block, message);
  if (!decodePublishMetadata(view.private_metadata)) return itemsError(UNCHECKED_FORM_TEXT);
  if (ids.length === 0) return itemsError("Please tick at least one item.");
  if (!channel) return channelError("Please choose where to post it.");
  if (channel === (await valueFor(deps.triageChannel, request.workspaceId)))
    return channelError("That is the concern leads' triage channel: please choose a channel staff read.");
  const chosen = await deps.concerns.publication.chosen(request.workspaceId, request.userId, ids);
  if (!chosen.ok) return itemsError(chosen.reason);
  if (chosen.value.length === 0) return itemsError("These have been published already. Please close and start again.");
  const member = await isMember(client, channel);
  if (member !== true) return channelError(member);
  try {
    await client.chat.postMessage({ channel, ...roundUpMessage(chosen.value) });
  } catch (error) {
    return channelError(`It could not be posted there (${slackErrorCode(error)}). Is the bot in that channel?`);
  }
  const marked = await deps.concerns.publication.published(request.workspaceId, request.userId, chosen.value, channel);
  return {
    response_action: "update",
    view: publishNoticeModal(
      `Published in <#${channel}>: ${marked.length} item${marked.length === 1 ? "" : "s"}. Each is recorded in its concern's audit trail and will not be offered again.`,
    ),
  };
}

async function isMember(client: SlackClient, channel: string): Promise<true | string> {
  try {
    const info = await client.conversations.info({ channel });
    return info.channel?.is_member
      ? true
      : "The bot is not in that channel yet: invite it first (/invite @localism-bot), then publish.";
  } catch (error) {
    return `That channel could not be checked (${slackErrorCode(error)}). Please invite the bot to it first.`;
  }
}

function errors(block: string, message: string): ViewResponseAction {
  return { response_action: "errors", errors: { [block]: message } };
}
