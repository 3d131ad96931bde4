import type { Logger } from "../../../logger";
import { type ModalRequester, openModal } from "../../../slack/open-modal";
import { signpostFor } from "../domain";
import { isGoneView, type SlackClient } from "./client";
import type { ConcernsSlackDeps } from "./deps";
import { EMPTY_FORM_METADATA, encodeFormMetadata, type FormMetadata } from "./metadata";
import { involvementOf, readShortcutMessage, type ShortcutMessage } from "./source-message";
import { concernFormModal } from "./views/form";
import { alreadyRaisedText, loadingModal, problemModal } from "./views/submitted";
import { raisedByText, reference } from "./views/text";

export interface MessageShortcutContext {
  client: SlackClient;
  triggerId: string;
  workspaceId: string;
  /** Who used the shortcut: to tell them at once if they raised this message already. */
  userId: string;
  teamDomain: string | null;
  channelId: string;
  message: unknown;
  responseUrl: string | null;
}

type FormDeps = Pick<ConcernsSlackDeps, "concerns" | "concernDrafts" | "clock" | "logger">;

/**
 * The message shortcut: a loading modal opens at once (the trigger_id lasts 3 seconds), then the
 * link lookup and the rest happen and the modal becomes the form.
 */
export async function openFormForMessage(deps: FormDeps, context: MessageShortcutContext): Promise<void> {
  const opened = await openModal(context.client, {
    triggerId: context.triggerId,
    view: loadingModal(),
    who: { userId: context.userId, channelId: context.channelId, responseUrl: context.responseUrl },
    retry: "use *Log autonomy concern* on the message again.",
    logger: deps.logger,
  });
  const viewId = opened.ok ? opened.viewId : null;
  if (!viewId) return;
  const message = readShortcutMessage(context.message);
  const view = message
    ? await formForMessage(deps, context, message)
    : problemModal("Sorry, that message could not be read. Please try again, or use `/concerns new`.");
  await context.client.views.update({ view_id: viewId, view }).catch((error: unknown) => {
    if (!isGoneView(error)) throw error;
  });
}

/** The global shortcut, `/concerns new` and App Home: the same form without a source message. */
export async function openBlankForm(
  client: SlackClient,
  triggerId: string,
  who: ModalRequester,
  metadata: Partial<FormMetadata> = {},
  logger?: Logger,
): Promise<void> {
  await openModal(client, {
    triggerId,
    view: concernFormModal({ metadata: encodeFormMetadata({ ...EMPTY_FORM_METADATA, ...metadata }) }),
    who,
    retry: "run `/concerns new` again, or use the *Log autonomy concern* shortcut.",
    logger,
  });
}

async function formForMessage(deps: FormDeps, context: MessageShortcutContext, message: ShortcutMessage) {
  const existing = await deps.concerns.submissions.alreadyLogged(context.workspaceId, context.channelId, message.ts);
  // Said at first sight, before anything is filled in: the same person logging it again needs nothing more.
  if (existing && (await deps.concerns.lookup.hasRaised(existing, context.userId)))
    return problemModal(alreadyRaisedText(existing));
  const [permalink, draft] = await Promise.all([
    permalinkOf(context, message),
    deps.concernDrafts.save(context.workspaceId, message.text, deps.clock.now()),
  ]);
  const signposts = signpostFor(message.text);
  const involvement = involvementOf(message, context.userId);
  const metadata: FormMetadata = {
    draft,
    channel: context.channelId,
    ts: message.ts,
    thread: message.threadTs,
    author: message.author,
    permalink,
    responseUrl: context.responseUrl,
    shown: signposts.map((signpost) => signpost.kind),
    involvement,
    existing: existing && { reference: reference(existing), raisedBy: raisedByText(existing) },
  };
  return concernFormModal({
    metadata: encodeFormMetadata(metadata),
    source: { text: message.text, author: message.author, permalink, existing: metadata.existing, involvement },
    signposts,
  });
}

/** chat.getPermalink, or Slack's documented link form when the bot cannot see the channel. */
async function permalinkOf(context: MessageShortcutContext, message: ShortcutMessage): Promise<string | null> {
  try {
    const found = await context.client.chat.getPermalink({ channel: context.channelId, message_ts: message.ts });
    if (found.permalink) return found.permalink;
  } catch {
    // A private channel the bot is not in: build the link instead.
  }
  if (!context.teamDomain) return null;
  const base = `https://${context.teamDomain}.slack.com/archives/${context.channelId}/p${message.ts.replace(".", "")}`;
  return message.threadTs ? `${base}?thread_ts=${message.threadTs}&cid=${context.channelId}` : base;
}
