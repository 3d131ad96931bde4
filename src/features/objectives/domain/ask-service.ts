import { randomUUID } from "node:crypto";
import type { Clock } from "../../../clock";
import type { AskResult } from "./answer";

export type QuestionSurface = "slack" | "cli";

/** One question asked and what it got: who, where, when, which objective answered it, or none. */
export interface QuestionRecord {
  id: string;
  workspaceId: string | null;
  userId: string | null;
  channelId: string | null;
  surface: QuestionSurface;
  question: string;
  answered: boolean;
  objective: number | null;
  passageId: string | null;
  score: number | null;
  askedAt: Date;
}

/** Where asked questions are recorded (a repository in production). */
export interface QuestionLog {
  record(entry: QuestionRecord): Promise<void>;
}

/** Looks up an answered question and records one person's vote on it (a repository in production). */
export interface AnswerVotes {
  find(id: string): Promise<QuestionRecord | null>;
  vote(questionId: string, userId: string, helpful: boolean, at: Date): Promise<void>;
}

export interface Asker {
  workspaceId?: string | null;
  userId?: string | null;
  channelId?: string | null;
  surface: QuestionSurface;
}

export interface AskedQuestion {
  id: string;
  result: AskResult;
  /** Records the question; Slack replies first and records after. */
  record(): Promise<void>;
}

export class AskService {
  constructor(
    private readonly answer: (question: string) => AskResult | Promise<AskResult>,
    private readonly log: QuestionLog,
    private readonly clock: Clock,
  ) {}

  async ask(question: string, asker: Asker): Promise<AskedQuestion> {
    const id = randomUUID();
    const result = await this.answer(question);
    // Shown only as the closest passage, a question is recorded as not answered, so that whoever
    // keeps the knowledge base sees it among the unanswered ones; the passage shown is kept.
    const best = result.answered ? result.answers[0] : undefined;
    const askedAt = this.clock.now();
    const record = () =>
      this.log.record({
        id,
        workspaceId: asker.workspaceId ?? null,
        userId: asker.userId ?? null,
        channelId: asker.channelId ?? null,
        surface: asker.surface,
        question: result.question,
        answered: result.answered && result.direct,
        objective: best?.objective ?? null,
        passageId: best?.passageId ?? null,
        score: best?.score ?? null,
        askedAt,
      });
    return { id, result, record };
  }
}
