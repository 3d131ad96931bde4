import type { Db } from "../../../storage/database";

/** How one person last voted on an answer, to draw it again as they left it. */
export class AnswerStateRepository {
  constructor(private readonly db: Db) {}

  async voteOf(questionId: string, userId: string): Promise<boolean | null> {
    const vote = await this.db.answerVote.findUnique({ where: { questionId_userId: { questionId, userId } } });
    return vote ? vote.helpful : null;
  }
}
