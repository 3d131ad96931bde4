import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";

/** "Share in channel", once per answer: the row is the claim, so a second press (or a double click) posts nothing. */
export class SharedAnswerRepository {
  constructor(private readonly db: Db) {}

  async claim(questionId: string, sharedBy: string, at: Date): Promise<boolean> {
    try {
      await this.db.sharedAnswer.create({ data: { questionId, sharedBy, sharedAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(questionId: string): Promise<void> {
    await this.db.sharedAnswer.deleteMany({ where: { questionId } });
  }

  async isShared(questionId: string): Promise<boolean> {
    return (await this.db.sharedAnswer.count({ where: { questionId } })) > 0;
  }
}
