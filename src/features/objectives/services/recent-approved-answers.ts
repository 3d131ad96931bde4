import type { Clock } from "../../../clock";
import type { ApprovedAnswer, ApprovedAnswerStore } from "../domain/approved-answers";

/**
 * A workspace's approved answers as read at most `maxAgeMs` ago. Every question looks for one before
 * it is answered, inside Slack's three seconds, and they change rarely: a change made by this process
 * is seen at once, one made by another instance within `maxAgeMs`.
 */
export class RecentApprovedAnswers implements ApprovedAnswerStore {
  private readonly read = new Map<string, { at: number; answers: Promise<ApprovedAnswer[]> }>();

  constructor(
    private readonly store: ApprovedAnswerStore,
    private readonly clock: Clock,
    private readonly maxAgeMs = 30_000,
  ) {}

  inWorkspace(workspaceId: string): Promise<ApprovedAnswer[]> {
    const now = this.clock.now().getTime();
    const cached = this.read.get(workspaceId);
    if (cached && now - cached.at < this.maxAgeMs) return cached.answers;
    const entry = { at: now, answers: this.store.inWorkspace(workspaceId) };
    this.read.set(workspaceId, entry);
    entry.answers.catch(() => {
      if (this.read.get(workspaceId) === entry) this.read.delete(workspaceId);
    });
    return entry.answers;
  }

  find(id: string): Promise<ApprovedAnswer | null> {
    return this.store.find(id);
  }

  async save(answer: ApprovedAnswer, at: Date): Promise<void> {
    await this.store.save(answer, at);
    this.read.delete(answer.workspaceId);
  }

  async withdraw(id: string, at: Date): Promise<boolean> {
    const withdrawn = await this.store.withdraw(id, at);
    this.read.clear();
    return withdrawn;
  }

  dueForReview(day: string): Promise<ApprovedAnswer[]> {
    return this.store.dueForReview(day);
  }

  all(): Promise<ApprovedAnswer[]> {
    return this.store.all();
  }
}
