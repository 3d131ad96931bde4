import type { Db } from "../../../storage/database";
import type { ApprovedAnswer, ApprovedAnswerStore } from "../domain/approved-answers";

type Row = ApprovedAnswer & { withdrawnAt: Date | null; updatedAt: Date };

/** Approved answers; a withdrawn one is kept (with when) but never shown or exported. */
export class ApprovedAnswerRepository implements ApprovedAnswerStore {
  constructor(private readonly db: Db) {}

  async inWorkspace(workspaceId: string): Promise<ApprovedAnswer[]> {
    const rows = await this.db.approvedAnswer.findMany({ where: { workspaceId, withdrawnAt: null } });
    return rows.map(toAnswer);
  }

  async find(id: string): Promise<ApprovedAnswer | null> {
    const row = await this.db.approvedAnswer.findFirst({ where: { id, withdrawnAt: null } });
    return row ? toAnswer(row) : null;
  }

  async save(answer: ApprovedAnswer, at: Date): Promise<void> {
    const data = { ...answer, withdrawnAt: null, updatedAt: at };
    await this.db.approvedAnswer.upsert({ where: { id: answer.id }, create: data, update: data });
  }

  async withdraw(id: string, at: Date): Promise<boolean> {
    const changed = await this.db.approvedAnswer.updateMany({
      where: { id, withdrawnAt: null },
      data: { withdrawnAt: at, updatedAt: at },
    });
    return changed.count === 1;
  }

  async dueForReview(day: string): Promise<ApprovedAnswer[]> {
    const rows = await this.db.approvedAnswer.findMany({
      where: { withdrawnAt: null, reviewBy: { lte: day } },
      orderBy: { reviewBy: "asc" },
    });
    return rows.map(toAnswer);
  }

  async all(): Promise<ApprovedAnswer[]> {
    const rows = await this.db.approvedAnswer.findMany({
      where: { withdrawnAt: null },
      orderBy: [{ workspaceId: "asc" }, { approvedAt: "asc" }],
    });
    return rows.map(toAnswer);
  }
}

function toAnswer({ withdrawnAt: _withdrawn, updatedAt: _updated, ...answer }: Row): ApprovedAnswer {
  return answer;
}
