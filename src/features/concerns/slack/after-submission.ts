import type { SlackClient } from "./client";
import { confirmToReporter } from "./confirm";
import type { ConcernsSlackDeps } from "./deps";
import type { SubmissionStep } from "./submission-flow";
import { threadNoteMessage } from "./views/notifications";

type AfterDeps = Pick<ConcernsSlackDeps, "concernDrafts" | "concernNotifier">;

const SUPPORTER_WORDS = { named: "", confidential: "confidentially", anonymous: "anonymously" } as const;

/**
 * After Slack has its answer: leads see the card, the reporter gets a confirmation, and the quoted
 * message's draft is deleted (a retried submission is then recognised by its submission key).
 */
export async function afterSubmission(
  deps: AfterDeps,
  client: SlackClient,
  step: SubmissionStep,
  context: { workspaceId: string; userId: string },
): Promise<void> {
  const { result, metadata, mode } = step;
  const { userId } = context;
  if (result && metadata.draft) await deps.concernDrafts.discard(context.workspaceId, metadata.draft);
  if (!result || !mode || result.kind === "duplicate") return;
  // Its card is owed through the outbox, written with the concern: this only asks it to go now.
  if (result.kind === "created") await deps.concernNotifier.showCard(result.concern);
  if (result.kind === "supported") {
    await deps.concernNotifier.showCard(result.concern);
    const who = mode === "named" ? `<@${userId}>` : SUPPORTER_WORDS[mode];
    await deps.concernNotifier.threadNote(result.concern, threadNoteMessage("supporter", result.concern, who));
  }
  await confirmToReporter({ client, notifier: deps.concernNotifier, metadata, userId, mode, result });
}
