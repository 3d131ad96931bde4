import { tz } from "@date-fns/tz";
import { addMonths, format, isValid, parseISO } from "date-fns";
import { questionCloseness } from "./question-similarity";

/** An answer a knowledge owner (a policy lead) approved for a question the bot could not answer well. */
export interface ApprovedAnswer {
  id: string;
  workspaceId: string;
  question: string;
  answer: string;
  source: string | null;
  authorId: string;
  authorName: string;
  approvedAt: Date;
  /** YYYY-MM-DD: from this day its owners are reminded to review it. */
  reviewBy: string;
}

/** A question sent to the knowledge owners, and whether it has been answered. */
export interface PolicyQuestion {
  id: string;
  workspaceId: string;
  questionId: string;
  question: string;
  /** Kept to tell them the answer; the owners see it only when `named`. */
  askerId: string;
  named: boolean;
  channelId: string | null;
  askedAt: Date;
  /** Where the owners were asked: their channel, or each member's DM. */
  posts: { channel: string; ts: string }[];
  answerId: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** Approved answers as stored (a repository in production). */
export interface ApprovedAnswerStore {
  /** Those not withdrawn, in the workspace. */
  inWorkspace(workspaceId: string): Promise<ApprovedAnswer[]>;
  find(id: string): Promise<ApprovedAnswer | null>;
  /** Adds it, or replaces the one with its id (a revision, an import). */
  save(answer: ApprovedAnswer, at: Date): Promise<void>;
  withdraw(id: string, at: Date): Promise<boolean>;
  /** Not withdrawn, with a review date on or before `day` (YYYY-MM-DD). */
  dueForReview(day: string): Promise<ApprovedAnswer[]>;
  /** Every answer not withdrawn, for export. */
  all(): Promise<ApprovedAnswer[]>;
}

/** Questions sent to the knowledge owners (a repository in production). */
export interface PolicyQuestionStore {
  /** Records the request; null when this question was already sent. */
  create(
    question: Omit<PolicyQuestion, "posts" | "answerId" | "answeredBy" | "answeredAt">,
  ): Promise<PolicyQuestion | null>;
  find(id: string): Promise<PolicyQuestion | null>;
  forQuestion(questionId: string): Promise<PolicyQuestion | null>;
  setPosts(id: string, posts: PolicyQuestion["posts"]): Promise<void>;
  /** Forgets a request the owners could not be told of, so it can be sent again. */
  remove(id: string): Promise<void>;
  answered(id: string, answerId: string, by: string, at: Date): Promise<void>;
}

/** One review reminder per answer per review date: the claim is made before the reminder is sent. */
export interface ReviewReminderClaims {
  claim(answerId: string, reviewBy: string, at: Date): Promise<boolean>;
  release(answerId: string, reviewBy: string): Promise<void>;
}

/** At least this close (see questionCloseness) to count as the same or a close question. */
export const CLOSE_ENOUGH = 0.7;

/** The approved answer for the closest question to `question`, if any is close enough. */
export function closestApprovedAnswer(question: string, answers: ApprovedAnswer[]): ApprovedAnswer | null {
  let best: { answer: ApprovedAnswer; closeness: number } | null = null;
  for (const answer of answers) {
    const closeness = questionCloseness(question, answer.question);
    if (closeness < CLOSE_ENOUGH) continue;
    const better =
      !best ||
      closeness > best.closeness ||
      (closeness === best.closeness && answer.approvedAt.getTime() > best.answer.approvedAt.getTime());
    if (better) best = { answer, closeness };
  }
  return best?.answer ?? null;
}

/** Today's date in England (YYYY-MM-DD): review dates are days there. */
export function londonDay(now: Date): string {
  return format(now, "yyyy-MM-dd", { in: tz("Europe/London") });
}

/** The review date an approval gets unless its owner picks another: `months` after `day`. */
export function defaultReviewBy(day: string, months: number): string {
  return format(addMonths(parseISO(day), months), "yyyy-MM-dd");
}

/** A review date an owner may choose: a real date after today. */
export function reviewDateProblem(reviewBy: string | null | undefined, today: string): string | null {
  if (!reviewBy || !/^\d{4}-\d{2}-\d{2}$/.test(reviewBy) || !isValid(parseISO(reviewBy)))
    return "Choose a review date.";
  if (reviewBy <= today) return "Choose a date after today: the answer is reviewed from that day.";
  return null;
}

/** From its review date on, an approved answer is due for review. */
export function isDueForReview(answer: Pick<ApprovedAnswer, "reviewBy">, today: string): boolean {
  return answer.reviewBy <= today;
}
