/** Why an answer was not helpful: the choices the short "Not helpful" modal offers, in its order. */
export const FEEDBACK_REASONS = {
  not_answered: "It didn't answer my question",
  wrong_or_out_of_date: "It's wrong or out of date",
  hard_to_follow: "It's hard to follow",
  other: "Something else",
} as const;

export type FeedbackReasonCode = keyof typeof FEEDBACK_REASONS;

export const MAX_FEEDBACK_NOTE = 500;

export function isFeedbackReason(value: unknown): value is FeedbackReasonCode {
  return typeof value === "string" && Object.hasOwn(FEEDBACK_REASONS, value);
}

/** One person's reason for one answer. */
export interface FeedbackReason {
  questionId: string;
  userId: string;
  reason: FeedbackReasonCode | null;
  note: string | null;
  givenAt: Date;
}

/** Where reasons are kept (a repository in production). */
export interface FeedbackReasons {
  record(reason: FeedbackReason): Promise<void>;
  forQuestions(questionIds: string[]): Promise<FeedbackReason[]>;
}
