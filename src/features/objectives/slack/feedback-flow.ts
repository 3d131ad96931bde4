import type { App } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../../../logger";
import { type ModalRequester, openModal } from "../../../slack/open-modal";
import type { QuestionRecord } from "../domain/ask-service";
import type { ObjectivesSlackDeps } from "./deps";
import { readMetadata, writeMetadata } from "./modal-state";
import { feedbackReasonModal } from "./views/feedback-reason";

type Client = App["client"];

/** What the "Not helpful" modal carries: the question, and where its answer is (to reply there). */
export const reasonMetadata = z.object({
  q: z.string().min(1),
  c: z.string().optional(),
  t: z.string().optional(),
});

export type ReasonMetadata = z.output<typeof reasonMetadata>;

export function readReasonMetadata(metadata: string | undefined): ReasonMetadata | null {
  return readMetadata(reasonMetadata, metadata);
}

/** A question on record in this workspace, or null (expired, or someone else's workspace). */
export async function questionInWorkspace(
  deps: ObjectivesSlackDeps,
  questionId: string,
  workspaceId: string | null,
): Promise<QuestionRecord | null> {
  const question = await deps.questions.find(questionId);
  return question && question.workspaceId === workspaceId ? question : null;
}

/** Asks why, in one short modal; the trigger is fresh (the button was just pressed), so this goes first. */
export async function askWhyNotHelpful(
  client: Client,
  triggerId: string,
  question: QuestionRecord,
  where: { channel?: string; threadTs?: string },
  who: ModalRequester,
  logger: Logger,
): Promise<void> {
  const metadata: ReasonMetadata = {
    q: question.id,
    ...(where.channel ? { c: where.channel } : {}),
    ...(where.threadTs ? { t: where.threadTs } : {}),
  };
  await openModal(client, {
    triggerId,
    view: feedbackReasonModal(question.question, writeMetadata(reasonMetadata, metadata)),
    who,
    retry: "press Not helpful again to say why (your vote is already counted).",
    logger,
  });
}
