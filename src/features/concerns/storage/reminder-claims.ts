import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";

/**
 * One acknowledgement reminder per concern per London day. The row is the claim: when two
 * processes race, the primary key lets exactly one of them insert it and send the reminder.
 */
export class ReminderClaims {
  constructor(private readonly db: Db) {}

  async claim(concernId: string, day: string, at: Date): Promise<boolean> {
    try {
      await this.db.concernReminder.create({ data: { concernId, day, claimedAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Gives a claim back when the reminder could not be sent, so the next run tries again. */
  async release(concernId: string, day: string): Promise<void> {
    await this.db.concernReminder.deleteMany({ where: { concernId, day } });
  }

  async daysFor(concernId: string): Promise<string[]> {
    const rows = await this.db.concernReminder.findMany({ where: { concernId }, orderBy: { day: "asc" } });
    return rows.map((row) => row.day);
  }
}
