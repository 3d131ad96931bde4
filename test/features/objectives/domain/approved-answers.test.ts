import { describe, expect, it } from "vitest";
import {
  type ApprovedAnswer,
  closestApprovedAnswer,
  defaultReviewBy,
  isDueForReview,
  londonDay,
  reviewDateProblem,
} from "../../../../src/features/objectives/domain/approved-answers";
import { questionCloseness } from "../../../../src/features/objectives/domain/question-similarity";

const approved = (question: string, approvedAt = "2026-11-26T10:00:00Z"): ApprovedAnswer => ({
  id: question,
  workspaceId: "T0LOCAL",
  question,
  answer: `The answer to ${question}`,
  source: null,
  authorId: "U0HELENWD",
  authorName: "Helen Ward",
  approvedAt: new Date(approvedAt),
  reviewBy: "2027-11-26",
});

describe("the same or a close question", () => {
  it("treats rewordings, plurals and small words as the same question", () => {
    expect(questionCloseness("When do CCGs get full powers?", "when will CCGs get their full powers")).toBe(1);
    expect(
      questionCloseness("When do CCGs get full powers?", "When does a CCG take on its full powers?"),
    ).toBeGreaterThanOrEqual(0.7);
    expect(
      questionCloseness("Can the Board overrule our CCG?", "Can the board overrule our CCG's decisions?"),
    ).toBeGreaterThanOrEqual(0.7);
  });

  it("keeps different questions apart: another question word, another topic, one shared word", () => {
    expect(questionCloseness("When do CCGs get full powers?", "Why do CCGs get full powers?")).toBe(0);
    expect(questionCloseness("Can the Board overrule our CCG?", "When do CCGs get full powers?")).toBeLessThan(0.7);
    expect(questionCloseness("Who chairs the Board?", "When does the Board meet?")).toBeLessThan(0.7);
    expect(questionCloseness("budgets", "pooled budgets with the council")).toBeLessThan(0.7);
    expect(questionCloseness("?", "the")).toBe(0);
  });

  it("picks the closest approved answer, the newer of two equally close, and none that is not close", () => {
    const powers = approved("When do CCGs get their full powers?");
    const overrule = approved("Can the Board overrule our CCG?");
    const newer = approved("Can the board overrule our CCG?", "2026-12-01T10:00:00Z");
    expect(closestApprovedAnswer("when will ccgs get full powers", [overrule, powers])).toBe(powers);
    expect(closestApprovedAnswer("can the Board overrule our CCG", [overrule, newer, powers])).toBe(newer);
    expect(closestApprovedAnswer("what is assumed liberty?", [overrule, powers])).toBeNull();
  });
});

describe("review dates", () => {
  it("offers a review date months ahead, and accepts only real dates after today", () => {
    expect(defaultReviewBy("2026-11-26", 12)).toBe("2027-11-26");
    expect(defaultReviewBy("2026-08-31", 6)).toBe("2027-02-28");
    expect(reviewDateProblem("2027-01-01", "2026-11-26")).toBeNull();
    expect(reviewDateProblem("2026-11-26", "2026-11-26")).toMatch(/after today/);
    expect(reviewDateProblem(undefined, "2026-11-26")).toMatch(/Choose a review date/);
    expect(reviewDateProblem("2027-02-30", "2026-11-26")).toMatch(/Choose a review date/);
  });

  it("is due from its review date, counted in London days", () => {
    expect(isDueForReview({ reviewBy: "2027-11-26" }, "2027-11-25")).toBe(false);
    expect(isDueForReview({ reviewBy: "2027-11-26" }, "2027-11-26")).toBe(true);
    expect(londonDay(new Date("2027-06-30T23:30:00Z"))).toBe("2027-07-01");
    expect(londonDay(new Date("2027-01-31T23:30:00Z"))).toBe("2027-01-31");
  });
});
