import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import type { ReviewReminderClaims } from "../domain/approved-answers";

/** One review reminder per approved answer per review date: the row is the claim, so two processes remind once. */
export class ReviewReminderRepository implements ReviewReminderClaims {
  constructor(private readonly db: Db) {}

  async claim(answerId: string, reviewBy: string, at: Date): Promise<boolean> {
    try {
      await this.db.approvedAnswerReminder.create({ data: { answerId, reviewBy, claimedAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(answerId: string, reviewBy: string): Promise<void> {
    await this.db.approvedAnswerReminder.deleteMany({ where: { answerId, reviewBy } });
  }
}
