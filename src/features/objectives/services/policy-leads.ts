import { randomUUID } from "node:crypto";
import type { Clock } from "../../../clock";
import {
  type ApprovedAnswer,
  type ApprovedAnswerStore,
  closestApprovedAnswer,
  defaultReviewBy,
  londonDay,
  type PolicyQuestion,
  type PolicyQuestionStore,
  type ReviewReminderClaims,
  reviewDateProblem,
} from "../domain/approved-answers";
import type { QuestionRecord } from "../domain/ask-service";

export type RequestOutcome =
  | { kind: "sent"; request: PolicyQuestion }
  | { kind: "already_sent"; request: PolicyQuestion }
  | { kind: "unknown_question" };

export interface Approval {
  workspaceId: string;
  authorId: string;
  authorName: string;
  text: string;
  source: string | null;
  reviewBy: string | null | undefined;
}

export type ApprovalOutcome =
  | { kind: "approved"; answer: ApprovedAnswer; request: PolicyQuestion | null }
  | { kind: "invalid"; field: "text" | "reviewBy"; problem: string }
  | { kind: "unknown" };

/** A reminder claimed for one answer's review date: send it, or give the claim back. */
export interface ClaimedReview {
  answer: ApprovedAnswer;
  release(): Promise<void>;
}

export const MAX_APPROVED_ANSWER = 3000;

/**
 * "Ask a policy lead" and approved answers: a question the bot could not answer (or answered
 * unhelpfully) goes to the workspace's knowledge owners; an owner's answer is approved with its
 * author, date and review date, shown first to anyone asking the same or a close question, and
 * brought back to the owners when its review date comes.
 */
export class PolicyLeads {
  constructor(
    private readonly deps: {
      questions: { find(id: string): Promise<QuestionRecord | null> };
      requests: PolicyQuestionStore;
      answers: ApprovedAnswerStore;
      reminders: ReviewReminderClaims;
      clock: Clock;
      reviewMonths: number;
    },
  ) {}

  /** The approved answer to show first for this question, if one is close enough. */
  async closest(workspaceId: string | null, question: string): Promise<ApprovedAnswer | null> {
    if (!workspaceId) return null;
    return closestApprovedAnswer(question, await this.deps.answers.inWorkspace(workspaceId));
  }

  async requestFor(questionId: string): Promise<PolicyQuestion | null> {
    return this.deps.requests.forQuestion(questionId);
  }

  async request(input: {
    questionId: string;
    workspaceId: string;
    askerId: string;
    named: boolean;
    channelId: string | null;
  }): Promise<RequestOutcome> {
    const question = await this.deps.questions.find(input.questionId);
    if (!question || question.workspaceId !== input.workspaceId) return { kind: "unknown_question" };
    const created = await this.deps.requests.create({
      id: randomUUID(),
      workspaceId: input.workspaceId,
      questionId: question.id,
      question: question.question,
      askerId: input.askerId,
      named: input.named,
      channelId: input.channelId,
      askedAt: this.deps.clock.now(),
    });
    if (created) return { kind: "sent", request: created };
    const existing = await this.deps.requests.forQuestion(question.id);
    return existing ? { kind: "already_sent", request: existing } : { kind: "unknown_question" };
  }

  /** Where the owners were asked, to update their cards once answered. */
  async posted(request: PolicyQuestion, posts: PolicyQuestion["posts"]): Promise<void> {
    await this.deps.requests.setPosts(request.id, posts);
  }

  /** The owners could not be told: forget the request so that it can be sent again. */
  async undeliverable(request: PolicyQuestion): Promise<void> {
    await this.deps.requests.remove(request.id);
  }

  async findRequest(id: string, workspaceId: string): Promise<PolicyQuestion | null> {
    const request = await this.deps.requests.find(id);
    return request?.workspaceId === workspaceId ? request : null;
  }

  async findAnswer(id: string, workspaceId: string): Promise<ApprovedAnswer | null> {
    const answer = await this.deps.answers.find(id);
    return answer?.workspaceId === workspaceId ? answer : null;
  }

  /** The review date offered when an owner approves an answer today. */
  defaultReviewBy(): string {
    return defaultReviewBy(londonDay(this.deps.clock.now()), this.deps.reviewMonths);
  }

  /** An owner's answer to a request, approved (a second answer to the same request revises the first). */
  async answerRequest(requestId: string, approval: Approval): Promise<ApprovalOutcome> {
    const request = await this.findRequest(requestId, approval.workspaceId);
    if (!request) return { kind: "unknown" };
    const outcome = await this.save(request.answerId ?? randomUUID(), request.question, approval);
    if (outcome.kind !== "approved") return outcome;
    await this.deps.requests.answered(request.id, outcome.answer.id, approval.authorId, outcome.answer.approvedAt);
    return { ...outcome, request };
  }

  /** A revision of an approved answer (at its review, or any time): new text, author, date and review date. */
  async revise(answerId: string, approval: Approval): Promise<ApprovalOutcome> {
    const existing = await this.findAnswer(answerId, approval.workspaceId);
    if (!existing) return { kind: "unknown" };
    return this.save(existing.id, existing.question, approval);
  }

  async withdraw(answerId: string, workspaceId: string): Promise<ApprovedAnswer | null> {
    const answer = await this.findAnswer(answerId, workspaceId);
    if (!answer || !(await this.deps.answers.withdraw(answer.id, this.deps.clock.now()))) return null;
    return answer;
  }

  /**
   * Approved answers whose review date has come and whose reminder this process has just claimed
   * (a unique row per answer and review date, so several processes remind once). An answer in a
   * workspace where `hasOwners` says nobody is there to remind is left unclaimed, until there is.
   */
  async claimDueReviews(
    hasOwners: (workspaceId: string) => Promise<boolean> = async () => true,
  ): Promise<ClaimedReview[]> {
    const now = this.deps.clock.now();
    const claimed: ClaimedReview[] = [];
    const owned = new Map<string, Promise<boolean>>();
    const anyoneIn = (workspaceId: string) => {
      if (!owned.has(workspaceId)) owned.set(workspaceId, hasOwners(workspaceId));
      return owned.get(workspaceId) as Promise<boolean>;
    };
    for (const answer of await this.deps.answers.dueForReview(londonDay(now))) {
      if (!(await anyoneIn(answer.workspaceId))) continue;
      if (!(await this.deps.reminders.claim(answer.id, answer.reviewBy, now))) continue;
      claimed.push({ answer, release: () => this.deps.reminders.release(answer.id, answer.reviewBy) });
    }
    return claimed;
  }

  private async save(id: string, question: string, approval: Approval): Promise<ApprovalOutcome> {
    const text = approval.text.trim();
    if (!text) return { kind: "invalid", field: "text", problem: "Write the answer people will see." };
    if (text.length > MAX_APPROVED_ANSWER)
      return { kind: "invalid", field: "text", problem: `Keep it under ${MAX_APPROVED_ANSWER} characters.` };
    const now = this.deps.clock.now();
    const problem = reviewDateProblem(approval.reviewBy, londonDay(now));
    if (problem || !approval.reviewBy) return { kind: "invalid", field: "reviewBy", problem: problem ?? "" };
    const answer: ApprovedAnswer = {
      id,
      workspaceId: approval.workspaceId,
      question,
      answer: text,
      source: approval.source?.trim() || null,
      authorId: approval.authorId,
      authorName: approval.authorName,
      approvedAt: now,
      reviewBy: approval.reviewBy,
    };
    await this.deps.answers.save(answer, now);
    return { kind: "approved", answer, request: null };
  }
}
