import type { Clock } from "../../../clock";
import { RecentReads } from "../../../recent-reads";
import type { ApprovedAnswer, ApprovedAnswerStore } from "../domain/approved-answers";

/**
 * A workspace's approved answers as read at most `maxAgeMs` ago. Every question looks for one before
 * it is answered, inside Slack's three seconds, and they change rarely: a change made by this process
 * is seen at once, one made by another instance within `maxAgeMs`.
 */
export class RecentApprovedAnswers implements ApprovedAnswerStore {
  private readonly read: RecentReads<ApprovedAnswer[]>;

  constructor(
    private readonly store: ApprovedAnswerStore,
    clock: Clock,
    maxAgeMs = 30_000,
  ) {
    this.read = new RecentReads(clock, maxAgeMs);
  }

  inWorkspace(workspaceId: string): Promise<ApprovedAnswer[]> {
    return this.read.get(workspaceId, () => this.store.inWorkspace(workspaceId));
  }

  find(id: string): Promise<ApprovedAnswer | null> {
    return this.store.find(id);
  }

  async save(answer: ApprovedAnswer, at: Date): Promise<void> {
    await this.store.save(answer, at);
    this.read.forget(answer.workspaceId);
  }

  async withdraw(id: string, at: Date): Promise<boolean> {
    const withdrawn = await this.store.withdraw(id, at);
    this.read.forgetAll();
    return withdrawn;
  }

  dueForReview(day: string): Promise<ApprovedAnswer[]> {
    return this.store.dueForReview(day);
  }

  all(): Promise<ApprovedAnswer[]> {
    return this.store.all();
  }
}
