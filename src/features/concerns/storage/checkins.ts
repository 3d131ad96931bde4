import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import { type AgainAnswer, type CheckinAnswer, type ClearAnswer, readCheckinAnswer } from "../domain/checkin";
import type { CheckinStore } from "../domain/ports";

/**
 * Check-in answers. The marker (a keyed hash) and the answer are written together, and have no
 * column in common: the answer keeps only its workspace and quarter.
 */
export class ConcernCheckins implements CheckinStore {
  constructor(private readonly db: Db) {}

  async answered(markerKey: string): Promise<boolean> {
    return (await this.db.concernCheckinMarker.count({ where: { key: markerKey } })) > 0;
  }

  async answer(
    markerKey: string,
    answer: { id: string; workspaceId: string; quarter: string; clear: ClearAnswer; again: AgainAnswer },
  ): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await tx.concernCheckinMarker.create({ data: { key: markerKey } });
        await tx.concernCheckinAnswer.create({ data: answer });
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async answers(workspaceId: string | null, quarter: string): Promise<CheckinAnswer[]> {
    const rows = await this.db.concernCheckinAnswer.findMany({
      where: { quarter, ...(workspaceId === null ? {} : { workspaceId }) },
    });
    return rows.flatMap((row) => readCheckinAnswer(row.clear, row.again) ?? []);
  }
}
