import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import type { ApprovedAnswer, ApprovedAnswerStore } from "../../../../src/features/objectives/domain/approved-answers";
import { RecentApprovedAnswers } from "../../../../src/features/objectives/services/recent-approved-answers";

/** The database as every instance sees it, counting reads. */
class SharedStore implements ApprovedAnswerStore {
  readonly rows = new Map<string, ApprovedAnswer>();
  readonly withdrawn = new Set<string>();
  reads = 0;
  async inWorkspace(workspaceId: string) {
    this.reads += 1;
    return [...this.rows.values()].filter((row) => row.workspaceId === workspaceId && !this.withdrawn.has(row.id));
  }
  async find(id: string) {
    return this.rows.get(id) ?? null;
  }
  async save(answer: ApprovedAnswer) {
    this.rows.set(answer.id, answer);
  }
  async withdraw(id: string) {
    if (!this.rows.has(id)) return false;
    this.withdrawn.add(id);
    return true;
  }
  async dueForReview() {
    return [];
  }
  async all() {
    return [...this.rows.values()];
  }
}

const approved = (id: string, workspaceId = "T1"): ApprovedAnswer => ({
  id,
  workspaceId,
  question: "which law firm does the CCG use for tender disputes?",
  answer: "The CSU's legal panel.",
  source: null,
  authorId: "U1",
  authorName: "Helen Ward",
  approvedAt: new Date("2026-11-26T10:00:00Z"),
  reviewBy: "2027-11-26",
});

describe("approved answers read for each question", () => {
  it("reads a workspace's answers once for many questions, and again once they may have changed elsewhere", async () => {
    const clock = new ManualClock(new Date("2026-11-26T10:00:00Z"));
    const store = new SharedStore();
    const here = new RecentApprovedAnswers(store, clock, 30_000);
    for (let i = 0; i < 50; i++) await here.inWorkspace("T1");
    expect(store.reads).toBe(1);

    await store.save(approved("A1")); // approved on another instance
    expect(await here.inWorkspace("T1")).toEqual([]);
    clock.advance(30_000);
    expect((await here.inWorkspace("T1")).map((a) => a.id)).toEqual(["A1"]);
  });

  it("shows an answer approved or withdrawn on this instance at once, in that workspace only", async () => {
    const clock = new ManualClock(new Date("2026-11-26T10:00:00Z"));
    const store = new SharedStore();
    const here = new RecentApprovedAnswers(store, clock);
    expect(await here.inWorkspace("T1")).toEqual([]);
    expect(await here.inWorkspace("T2")).toEqual([]);

    await here.save(approved("A1"), clock.now());
    expect((await here.inWorkspace("T1")).map((a) => a.id)).toEqual(["A1"]);
    expect(await here.inWorkspace("T2")).toEqual([]);

    await here.withdraw("A1", clock.now());
    expect(await here.inWorkspace("T1")).toEqual([]);
  });
});
