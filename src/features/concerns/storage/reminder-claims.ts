import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import type { OwedReminder } from "../domain/ports";
import { ConcernOutbox, reminderKey } from "./outbox";

/**
 * One acknowledgement reminder per concern per London day. The row is the claim: when two
 * processes race, the primary key lets exactly one of them insert it and send the reminder.
 */
export class ReminderClaims {
  constructor(
    private readonly db: Db,
    private readonly outbox: ConcernOutbox = new ConcernOutbox(db),
  ) {}

  /**
   * With `owed`, the reminder itself is written to the concern outbox in the same transaction, so a
   * claim is never left without its reminder when the process stops.
   */
  async claim(concernId: string, day: string, at: Date, owed?: OwedReminder): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await tx.concernReminder.create({ data: { concernId, day, claimedAt: at } });
        if (owed)
          await this.outbox.add(tx, {
            workspaceId: owed.workspaceId,
            concernId,
            kind: "reminder",
            key: reminderKey(concernId, day),
            payload: { day, workingDaysWaiting: owed.workingDaysWaiting },
            at,
          });
      });
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
