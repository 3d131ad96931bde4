import type { Db } from "../../../storage/database";
import { type FeedbackReason, type FeedbackReasons, isFeedbackReason } from "../domain/feedback-reasons";

/** Ids per query: well inside the bound-parameter limits of both databases. */
const CHUNK = 500;

/** Why answers were not helpful; giving a reason again replaces the earlier one. */
export class FeedbackReasonRepository implements FeedbackReasons {
  constructor(private readonly db: Db) {}

  async record({ questionId, userId, reason, note, givenAt }: FeedbackReason): Promise<void> {
    await this.db.answerFeedbackReason.upsert({
      where: { questionId_userId: { questionId, userId } },
      create: { questionId, userId, reason, note, givenAt },
      update: { reason, note, givenAt },
    });
  }

  async forQuestions(questionIds: string[]): Promise<FeedbackReason[]> {
    const found: FeedbackReason[] = [];
    for (let start = 0; start < questionIds.length; start += CHUNK) {
      const rows = await this.db.answerFeedbackReason.findMany({
        where: { questionId: { in: questionIds.slice(start, start + CHUNK) } },
        orderBy: { givenAt: "asc" },
      });
      found.push(...rows.map((row) => ({ ...row, reason: isFeedbackReason(row.reason) ? row.reason : null })));
    }
    return found;
  }
}
