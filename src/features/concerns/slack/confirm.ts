import type { IdentityMode, SubmissionResult } from "../domain";
import type { SlackClient } from "./client";
import type { FormMetadata } from "./metadata";
import type { ConcernNotifier } from "./notifier";
import { submittedMessage } from "./views/submitted";
import { reference } from "./views/text";

export interface Confirmation {
  client: SlackClient;
  notifier: Pick<ConcernNotifier, "direct" | "confirmationShown" | "confirmationOwed">;
  metadata: FormMetadata;
  userId: string;
  /** How the submitter chose to be identified (a supporter's choice, not the reporter's). */
  mode: IdentityMode;
  result: Exclude<SubmissionResult, { kind: "rate_limited" }>;
}

/**
 * Whether the confirmation could be shown where the concern was raised: not from App Home or a
 * global shortcut, which give neither a response URL nor a channel.
 */
export function confirmableWhereRaised(metadata: FormMetadata): boolean {
  return metadata.responseUrl !== null || metadata.channel !== null;
}

/**
 * Tells the reporter it worked: ephemerally where they raised it (the shortcut's response URL,
 * which reaches private channels the bot is not in, else chat.postEphemeral), otherwise by DM.
 * For a concern stored or supported by name or confidentially, that DM was owed through the outbox
 * with the concern itself (due after a grace, so a process that stops here loses nothing): shown
 * here, it is settled; not shown, it goes now. With nowhere to show it, it was owed at once, and the
 * outbox was already asked to go (see afterSubmission). Anonymous reporters never get a DM: a DM is
 * kept in Slack and would tie them to the concern; they already saw the confirmation in the modal.
 */
export async function confirmToReporter(confirmation: Confirmation): Promise<void> {
  const { metadata, result, client, userId, notifier } = confirmation;
  const shown = await showWhereRaised(client, metadata, userId, () => submittedMessage(result));
  if (confirmation.mode === "anonymous") return;
  if (result.kind === "created" || result.kind === "supported") {
    if (shown) await notifier.confirmationShown(result.concern, userId);
    else if (confirmableWhereRaised(metadata)) await notifier.confirmationOwed(result.concern, userId);
    return;
  }
  // Nothing was stored (already raised by them): nothing is owed, so the DM is sent only here.
  if (!shown)
    await notifier.direct(result.concern.workspaceId, userId, submittedMessage(result), reference(result.concern));
}

async function showWhereRaised(
  client: SlackClient,
  metadata: FormMetadata,
  userId: string,
  message: () => { text: string; blocks: unknown[] },
): Promise<boolean> {
  // Drawn only where there is somewhere to show it.
  if (metadata.responseUrl && (await postToResponseUrl(metadata.responseUrl, message()))) return true;
  if (!metadata.channel) return false;
  try {
    await client.chat.postEphemeral({ channel: metadata.channel, user: userId, ...message() });
    return true;
  } catch {
    // Not in that channel: a DM where one is acceptable.
    return false;
  }
}

async function postToResponseUrl(url: string, message: { text: string; blocks: unknown[] }): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", replace_original: false, ...message }),
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
