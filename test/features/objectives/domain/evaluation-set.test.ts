import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createObjectivesAssistant, passageDocuments } from "../../../../src/features/objectives/domain/answer";
import { createBaselineAnswerer } from "../../../../src/features/objectives/domain/baseline";
import {
  type CategoryResult,
  compareWithBaseline,
  type Evaluation,
  evaluate,
  parseQuestionFile,
  type QuestionCategory,
  shareRight,
} from "../../../../src/features/objectives/domain/evaluation";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";

// The evaluation set in test/fixtures/questions/: the tuning half is what the engine was tuned on;
// the test half was only ever measured (see the README there). Both are asked of the real
// knowledge base, with plain BM25 over the same passages as the baseline.
const kb = loadKnowledgeBase(fileURLToPath(new URL("../../../../knowledge", import.meta.url)));
const assistant = createObjectivesAssistant(kb);
const baseline = createBaselineAnswerer(passageDocuments(kb));

function run(half: "tuning" | "test" | HeldOutFile) {
  const file = fileURLToPath(new URL(`../../../fixtures/questions/${half}.yaml`, import.meta.url));
  const questions = parseQuestionFile(readFileSync(file, "utf8"));
  const bot = evaluate((question) => assistant.ask(question), questions);
  const bm25 = evaluate(baseline, questions);
  return { questions, bot, bm25 };
}

/** The goal: the share of each category answered right. */
const GOAL: Record<QuestionCategory, number> = { objective: 0.95, fact: 0.95, "off-topic": 1, "near-miss": 1 };

function figures(name: string, evaluation: Evaluation): string {
  return `${name}: ${evaluation.categories
    .map(
      (result) => `${result.category} ${result.right}/${result.questions} (${Math.round(shareRight(result) * 100)}%)`,
    )
    .join(", ")}`;
}

function missesGoal(categories: CategoryResult[]): string[] {
  return categories
    .filter((result) => shareRight(result) < GOAL[result.category])
    .map((result) => `${result.category}: ${result.right}/${result.questions}, goal ${GOAL[result.category] * 100}%`);
}

function failures(evaluation: Evaluation): string {
  return evaluation.categories
    .flatMap((result) => result.failures)
    .map(
      (failure) =>
        `  [${failure.category}, ${failure.outcome}] ${failure.q} -> ${failure.answers[0]?.passageId ?? "-"}`,
    )
    .join("\n");
}

/** The categories where plain BM25 does as well as the bot, or better. */
function notBeaten(bot: Evaluation, bm25: Evaluation) {
  return compareWithBaseline(bot, bm25).filter((entry) => !entry.beats);
}

/** The categories with fewer right than the floors `measured`, each with its figure and its floor. */
function slippedBelow(evaluation: Evaluation, measured: Record<QuestionCategory, number>): string[] {
  return evaluation.categories
    .filter((result) => result.right < measured[result.category])
    .map((result) => `${result.category}: ${result.right}, was ${measured[result.category]}`);
}

describe("the tuning half of the evaluation set", () => {
  const { questions, bot, bm25 } = run("tuning");

  it("has the four categories", () => {
    expect(questions).toHaveLength(1373);
    expect(bot.categories.map((result) => result.category)).toEqual(["objective", "fact", "off-topic", "near-miss"]);
  });

  // Five near misses are answered: "who approves the CCG's consultancy spend" (consultancies may sell
  // commissioning support, so the word is not everyday office vocabulary), two of the sixteenth batch's
  // (the pool car under "assumed liberty", advertising our governing body's meetings) and two of the
  // nineteenth's (a PDR objective about the PCT archive, the HWB's minutes). Thirty-five objective
  // questions miss, nine of them from the nineteenth batch, which took the objective figure below the
  // goal. The figures are exact: when they change, update them, to [] once the goal is met everywhere.
  it("misses the goal only where it is known to, by exactly as much", () => {
    console.info([figures("tuning, bot", bot), figures("tuning, plain BM25", bm25)].join("\n"));
    expect(missesGoal(bot.categories), failures(bot)).toEqual([
      "objective: 598/633, goal 95%",
      "near-miss: 330/335, goal 100%",
    ]);
  });

  it("beats plain BM25 in every category", () => {
    expect(notBeaten(bot, bm25)).toEqual([]);
  });
});

describe("the test half of the evaluation set (measured, never tuned on)", () => {
  const { bot, bm25 } = run("test");

  /**
   * What the bot got right on the test half when this was written: the goal is not reached on it
   * (see below), so these floors keep it from slipping back while it is worked towards.
   */
  const MEASURED: Record<QuestionCategory, number> = { objective: 45, fact: 26, "off-topic": 13, "near-miss": 19 };

  it("beats plain BM25 in every category", () => {
    console.info([figures("test, bot", bot), figures("test, plain BM25", bm25)].join("\n"));
    expect(notBeaten(bot, bm25)).toEqual([]);
  });

  it("answers at least as many right as when it was last measured", () => {
    expect(slippedBelow(bot, MEASURED)).toEqual([]);
  });

  // Expected to fail until the goal is met on the test half; when this starts failing, the goal has
  // been reached: make it a plain it() and raise MEASURED to the new figures.
  it.fails("meets the goal in every category (not yet: see MEASURED)", () => {
    expect(missesGoal(bot.categories)).toEqual([]);
  });
});

/** A set kept out of tuning and only measured, held at the figures it was last measured at. */
type HeldOutFile = "held-out" | "held-out-2" | "held-out-3";

function describeHeldOut(title: string, file: HeldOutFile, size: number, measured: Record<QuestionCategory, number>) {
  describe(title, () => {
    const { questions, bot, bm25 } = run(file);

    it("has the four categories", () => {
      expect(questions).toHaveLength(size);
      expect(bot.categories.map((result) => result.category)).toEqual(["objective", "fact", "off-topic", "near-miss"]);
    });

    it("beats plain BM25 in every category", () => {
      console.info([figures(`${file}, bot`, bot), figures(`${file}, plain BM25`, bm25)].join("\n"));
      expect(notBeaten(bot, bm25)).toEqual([]);
    });

    it("answers at least as many right as when it was last measured", () => {
      expect(slippedBelow(bot, measured)).toEqual([]);
    });
  });
}

// What the bot got right on each when this was written, well short of the goal: floors, as for the test half.
describeHeldOut("the held-out set (a seventeenth batch written blind, measured, never tuned on)", "held-out", 130, {
  objective: 48,
  fact: 17,
  "off-topic": 12,
  "near-miss": 26,
});
// Its first score, with the engine as it stood when it was written.
describeHeldOut(
  "the second held-out set (an eighteenth batch written blind, measured, never tuned on)",
  "held-out-2",
  130,
  {
    objective: 54,
    fact: 21,
    "off-topic": 12,
    "near-miss": 27,
  },
);
// Its first score after the first half of its batch was tuned on (general changes only).
describeHeldOut(
  "the third held-out set (the second half of a nineteenth batch written blind, measured, never tuned on)",
  "held-out-3",
  64,
  { objective: 21, fact: 9, "off-topic": 6, "near-miss": 12 },
);
