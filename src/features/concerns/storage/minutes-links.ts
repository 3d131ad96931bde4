import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import type { MinutesLinkStore } from "../domain/ports";

const CURSOR = "minutes";

/** One note per concern and minutes document: the row is the claim, as with reminders. */
export class ConcernMinutesLinks implements MinutesLinkStore {
  constructor(private readonly db: Db) {}

  async claim(concernId: string, documentId: number, at: Date): Promise<boolean> {
    try {
      await this.db.concernMinutesLink.create({ data: { concernId, documentId, at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(concernId: string, documentId: number): Promise<void> {
    await this.db.concernMinutesLink.deleteMany({ where: { concernId, documentId } });
  }

  async cursor(): Promise<Date | null> {
    return (await this.db.concernMinutesCursor.findUnique({ where: { name: CURSOR } }))?.until ?? null;
  }

  async setCursor(until: Date): Promise<void> {
    await this.db.concernMinutesCursor.upsert({
      where: { name: CURSOR },
      create: { name: CURSOR, until },
      update: { until },
    });
  }
}
