import { describe, expect, it } from "vitest";
import type { Answer, AskResult } from "../../../../src/features/objectives/domain/answer";
import { createBaselineAnswerer } from "../../../../src/features/objectives/domain/baseline";
import {
  compareWithBaseline,
  evaluate,
  judge,
  type LabelledQuestion,
  parseQuestionFile,
  QuestionFileError,
} from "../../../../src/features/objectives/domain/evaluation";
import type { SearchDocument } from "../../../../src/features/objectives/domain/search-document";

const SOURCE = { title: "A report", publisher: "HSJ", date: "2012-04-23" };

function result(answered: boolean, answers: Partial<Answer>[]): AskResult {
  return {
    question: "q",
    answered,
    direct: answered,
    answers: answers.map((answer, index) => ({
      objective: null,
      score: 0.5,
      text: "",
      kind: "summary",
      passageId: `p${index}`,
      source: SOURCE,
      ...answer,
    })),
  };
}

describe("judging one answer", () => {
  const objective: LabelledQuestion = { q: "q", category: "objective", objectives: [1, 4] };
  const fact: LabelledQuestion = { q: "q", category: "fact", fact: ["23 April", "April 2012"] };
  const nearMiss: LabelledQuestion = { q: "q", category: "near-miss" };

  it("is right for an objective question when the first passage belongs to an accepted objective", () => {
    expect(judge(objective, result(true, [{ objective: 4 }, { objective: 2 }]))).toBe("right");
    expect(judge(objective, result(true, [{ objective: 2 }, { objective: 1 }]))).toBe("answered-wrongly");
    expect(judge(objective, result(false, [{ objective: 1 }]))).toBe("declined-wrongly");
  });

  it("does not accept a background passage first for an objective question", () => {
    expect(judge(objective, result(true, [{ objective: null }, { objective: 1 }]))).toBe("answered-wrongly");
  });

  it("is right for a fact question when a phrase is in one of the first three passages, ignoring case", () => {
    expect(judge(fact, result(true, [{ text: "x" }, { text: "y" }, { text: "on 23 APRIL the letter" }]))).toBe("right");
    expect(judge(fact, result(true, [{ text: "x" }, { text: "y" }, { text: "z" }, { text: "23 April" }]))).toBe(
      "answered-wrongly",
    );
    expect(judge(fact, result(false, [{ text: "23 April" }]))).toBe("declined-wrongly");
  });

  it("is right for a near miss or an off-topic question only when it is declined, weak matches or not", () => {
    expect(judge(nearMiss, result(false, [{ objective: 4 }]))).toBe("right");
    expect(judge(nearMiss, result(true, [{ objective: 4 }]))).toBe("answered-wrongly");
  });
});

describe("a question file", () => {
  it("reads the four categories, a fact as one phrase or several", () => {
    const questions = parseQuestionFile(`questions:
  - q: "csu choice"
    category: objective
    objectives: [2]
  - q: "when was it sent"
    category: fact
    fact: "23 April"
  - q: "who backed it"
    category: fact
    fact: ["NHS Alliance", "NAPC"]
  - q: "door code"
    category: near-miss
    decline: true
  - q: "lasagne"
    category: off-topic
    decline: true
`);
    expect(questions).toEqual([
      { q: "csu choice", category: "objective", objectives: [2] },
      { q: "when was it sent", category: "fact", fact: ["23 April"] },
      { q: "who backed it", category: "fact", fact: ["NHS Alliance", "NAPC"] },
      { q: "door code", category: "near-miss" },
      { q: "lasagne", category: "off-topic" },
    ]);
  });

  it("reports every mistake with where it is", () => {
    const read = () =>
      parseQuestionFile(`questions:
  - q: "x"
    category: objective
    objectives: [5]
  - q: "y"
    category: opinion
`);
    expect(read).toThrow(QuestionFileError);
    expect(read).toThrow(/questions\.0\.objectives\.0/);
    expect(read).toThrow(/questions\.1\.category/);
    expect(() => parseQuestionFile("questions: [")).toThrow(/YAML syntax error/);
  });
});

describe("evaluating an answerer", () => {
  const documents: SearchDocument[] = [
    { id: "a", objective: 1, kind: "summary", text: "CCGs keep their autonomy.", source: SOURCE },
    { id: "b", objective: 2, kind: "summary", text: "CCGs choose their commissioning support.", source: SOURCE },
  ];
  const questions: LabelledQuestion[] = [
    { q: "autonomy", category: "objective", objectives: [1] },
    { q: "commissioning support", category: "objective", objectives: [1] },
    { q: "choose", category: "fact", fact: ["commissioning support"] },
    { q: "CCGs lunch", category: "near-miss" },
    { q: "weather", category: "off-topic" },
  ];

  it("counts per category what was right, declined wrongly and answered wrongly, with the failures", () => {
    const baseline = evaluate(createBaselineAnswerer(documents), questions);
    expect(baseline.questions).toBe(5);
    expect(baseline.right).toBe(3);
    expect(baseline.categories).toEqual([
      expect.objectContaining({
        category: "objective",
        questions: 2,
        right: 1,
        declinedWrongly: 0,
        answeredWrongly: 1,
      }),
      expect.objectContaining({ category: "fact", questions: 1, right: 1 }),
      expect.objectContaining({ category: "off-topic", questions: 1, right: 1 }),
      expect.objectContaining({ category: "near-miss", questions: 1, right: 0, answeredWrongly: 1 }),
    ]);
    const [failure] = baseline.categories[0]?.failures ?? [];
    expect(failure).toMatchObject({
      q: "commissioning support",
      outcome: "answered-wrongly",
      expected: "objective 1",
      answered: true,
      answers: [{ objective: 2, passageId: "b" }],
    });
  });

  it("compares two answerers category by category", () => {
    const baseline = evaluate(createBaselineAnswerer(documents), questions);
    const declinesAll = evaluate(() => result(false, []), questions);
    expect(compareWithBaseline(declinesAll, baseline).map((entry) => [entry.category, entry.beats])).toEqual([
      ["objective", false],
      ["fact", false],
      ["off-topic", false],
      ["near-miss", true],
    ]);
  });
});
