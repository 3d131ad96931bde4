import { Prisma } from "../../../generated/sqlite/client";
import type { Db } from "../../../storage/database";
import type { AnswerVotes, QuestionLog, QuestionRecord } from "../domain/ask-service";

export type { QuestionRecord };

export interface QuestionReportRow extends QuestionRecord {
  helpfulVotes: number;
  notHelpfulVotes: number;
}

/**
 * Questions are written in batches: one insert every `batchIntervalMs` (or `maxBatch` records), so a
 * busy moment costs one write rather than one per question and no write sits between Slack's
 * requests. Every read flushes first, so nothing recorded is ever missing from a read; `flush()`
 * runs at shutdown. The batch is one parameterised INSERT rather than `createMany`, whose query
 * compilation grows with the rows and holds the event loop (about 300 ms for 50 rows here).
 */
export class QuestionRepository implements QuestionLog, AnswerVotes {
  private pending: QuestionRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly batchIntervalMs = 100,
    private readonly maxBatch = 200,
  ) {}

  record(entry: QuestionRecord): Promise<void> {
    this.pending.push(entry);
    if (this.pending.length >= this.maxBatch) return this.flush();
    this.timer ??= setTimeout(() => void this.flush().catch(this.onError), this.batchIntervalMs);
    return Promise.resolve();
  }

  /** Stores everything recorded so far. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.writing = this.writing.then(() => this.insert(batch)).then(() => undefined);
    return this.writing;
  }

  private insert(batch: QuestionRecord[]): Promise<number> {
    const rows = batch.map(
      (q) =>
        Prisma.sql`(${q.id}, ${q.workspaceId}, ${q.userId}, ${q.channelId}, ${q.surface}, ${q.question}, ${q.answered}, ${q.objective}, ${q.passageId}, ${q.score}, ${q.askedAt})`,
    );
    return this.db
      .$executeRaw`INSERT INTO "QuestionLog" ("id", "workspaceId", "userId", "channelId", "surface", "question", "answered", "objective", "passageId", "score", "askedAt") VALUES ${Prisma.join(rows)}`;
  }

  async find(id: string): Promise<QuestionRecord | null> {
    await this.flush();
    const row = await this.db.questionLog.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /** One vote per person per answer: voting again replaces the earlier vote. */
  async vote(questionId: string, userId: string, helpful: boolean, at: Date): Promise<void> {
    await this.flush();
    await this.db.answerVote.upsert({
      where: { questionId_userId: { questionId, userId } },
      create: { questionId, userId, helpful, votedAt: at },
      update: { helpful, votedAt: at },
    });
  }

  /** Questions asked since `from`; in one workspace when `workspaceId` is given (its own questions only). */
  async since(from: Date, workspaceId?: string): Promise<QuestionReportRow[]> {
    await this.flush();
    const rows = await this.db.questionLog.findMany({
      where: { askedAt: { gte: from }, ...(workspaceId ? { workspaceId } : {}) },
      orderBy: { askedAt: "desc" },
      include: { votes: { select: { helpful: true } } },
    });
    return rows.map((row) => ({
      ...toRecord(row),
      helpfulVotes: row.votes.filter((vote) => vote.helpful).length,
      notHelpfulVotes: row.votes.filter((vote) => !vote.helpful).length,
    }));
  }

  /** Questions the knowledge base could not answer, or whose answer someone found unhelpful. */
  async unanswered(from: Date, workspaceId?: string): Promise<QuestionReportRow[]> {
    const rows = await this.since(from, workspaceId);
    return rows.filter((row) => !row.answered || row.notHelpfulVotes > 0);
  }
}

function toRecord(row: Omit<QuestionRecord, "surface"> & { surface: string }): QuestionRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    userId: row.userId,
    channelId: row.channelId,
    surface: row.surface === "cli" ? "cli" : "slack",
    question: row.question,
    answered: row.answered,
    objective: row.objective,
    passageId: row.passageId,
    score: row.score,
    askedAt: row.askedAt,
  };
}
