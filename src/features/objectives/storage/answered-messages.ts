import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import type { MessageClaims } from "../services/conversation-questions";

/**
 * One row per message the bot has taken up as a question. Inserting it is the claim: a retry, a
 * duplicate delivery or a second process finds the key taken and answers nothing.
 */
export class AnsweredMessageRepository implements MessageClaims {
  constructor(private readonly db: Db) {}

  async claim(key: string, workspaceId: string | null, at: Date): Promise<boolean> {
    try {
      await this.db.answeredMessage.create({ data: { key, workspaceId, claimedAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Gives the claim back when the answer could not be posted, so a later delivery may try again. */
  async release(key: string): Promise<void> {
    await this.db.answeredMessage.deleteMany({ where: { key } });
  }
}
