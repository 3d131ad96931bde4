import type { SlackClient } from "./client";
import { confirmToReporter } from "./confirm";
import type { ConcernsSlackDeps } from "./deps";
import type { SubmissionStep } from "./submission-flow";

type AfterDeps = Pick<ConcernsSlackDeps, "concernDrafts" | "concernNotifier">;

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
  // Its card (and a supporter's note under it) is owed through the outbox, written with the
  // concern: this only asks it to go now.
  if (result.kind === "created") deps.concernNotifier.created();
  if (result.kind === "supported") await deps.concernNotifier.supported(result.concern);
  await confirmToReporter({ client, notifier: deps.concernNotifier, metadata, userId, mode, result });
}
