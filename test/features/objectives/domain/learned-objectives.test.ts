import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fitShipped, objectiveExamples, TUNING_FILE, tuningBatches } from "../../../../scripts/objectives-model";
import { createObjectivesAssistant } from "../../../../src/features/objectives/domain/answer";
import { parseQuestionFile } from "../../../../src/features/objectives/domain/evaluation";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";
import {
  chooseWeight,
  fitObjectiveModel,
  leanFirst,
  type ObjectiveModel,
  objectiveProbabilities,
  questionFeatures,
  type WeightTried,
} from "../../../../src/features/objectives/domain/learned-objectives";
import type { SearchHit } from "../../../../src/features/objectives/domain/search-document";

const root = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
const kb = loadKnowledgeBase(root("knowledge"));
const tuning = tuningBatches(root(TUNING_FILE));

describe("questionFeatures", () => {
  it("reads the question as the engine does (abbreviations expanded, stemmed, stop words out), with neighbouring pairs", () => {
    expect([...questionFeatures("Can the CB micromanage CCGs?")]).toEqual([
      "nhscb",
      "nhscb micromanag",
      "micromanag",
      "micromanag ccg",
      "ccg",
    ]);
  });
});

describe("fitObjectiveModel", () => {
  const model = fitObjectiveModel(
    [
      { text: "will the board micromanage us", objectives: [1] },
      { text: "can the board micromanage our plans", objectives: [1] },
      { text: "who runs our commissioning support", objectives: [2] },
      { text: "can we choose our commissioning support", objectives: [2] },
      { text: "supporting us or directing us", objectives: [1, 4] },
    ],
    0.2,
  );

  it("leans a new wording towards the objective of the questions that share its words", () => {
    const [one, two] = objectiveProbabilities(model, "is the board going to micromanage CCGs");
    expect(one).toBeGreaterThan(0.5);
    expect(two).toBeLessThan(0.5);
    expect(objectiveProbabilities(model, "commissioning support: whose choice")[1]).toBeGreaterThan(0.5);
  });

  it("keeps only features seen in at least two questions, and says nothing of a question it knows no word of", () => {
    expect(Object.keys(model.weights)).toContain("micromanag");
    expect(Object.keys(model.weights)).not.toContain("plan");
    expect(objectiveProbabilities(model, "wifi password")).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe("leanFirst", () => {
  const hit = (id: string, objective: number | null, score: number): { hit: SearchHit; rank: number } => ({
    hit: {
      document: { id, objective, kind: "summary", text: id, source: { title: "", publisher: "", date: "" } },
      score,
      rawScore: score,
    },
    rank: score,
  });
  const ranked = [hit("background", null, 0.8), hit("two", 2, 0.75), hit("one", 1, 0.7), hit("weak one", 1, 0.4)];
  const ids = (entries: { hit: SearchHit }[]) => entries.map((entry) => entry.hit.document.id);

  it("puts first the close passage of the objective the model expects, the rest in their order", () => {
    expect(ids(leanFirst(ranked, [0.9, 0.1, 0, 0], 0.2, 0.8))).toEqual(["one", "background", "two", "weak one"]);
  });

  it("promotes only a passage of the objective the model finds likeliest, never one it finds unlikely", () => {
    expect(ids(leanFirst(ranked, [0.1, 0.5, 0.4, 0], 0.6, 0.8))).toEqual(["two", "background", "one", "weak one"]);
    expect(ids(leanFirst(ranked, [0.6, 0.3, 0.1, 0], 0.2, 0.8).slice(0, 2))).toEqual(["one", "background"]);
    const background = [hit("background", null, 0.8), hit("two", 2, 0.79), hit("three", 3, 0.78)];
    expect(ids(leanFirst(background, [0.7, 0.2, 0.1, 0], 0.6, 0.8))).toEqual(["background", "two", "three"]);
  });

  it("chooses only among the passages an answer shows, so none is pushed out", () => {
    const four = [hit("a", 2, 0.8), hit("b", 2, 0.79), hit("c", 2, 0.78), hit("d", 1, 0.77)];
    expect(ids(leanFirst(four, [1, 0, 0, 0], 0.6, 0.8))).toEqual(["a", "b", "c", "d"]);
  });

  it("leaves the order alone when the lean is not enough, and never promotes a passage far below the best", () => {
    expect(ids(leanFirst(ranked, [0.2, 0.2, 0.3, 0.3], 0.2, 0.8))).toEqual(ids(ranked));
    expect(
      ids(
        leanFirst(
          [ranked[0], ranked[3]].flatMap((entry) => entry ?? []),
          [1, 0, 0, 0],
          0.6,
          0.8,
        ),
      ),
    ).toEqual(["background", "weak one"]);
  });
});

describe("the objectives model in answers", () => {
  const examples = [
    { text: "will they let us manage our own affairs", objectives: [3] },
    { text: "do we manage our own affairs", objectives: [3] },
  ];
  const question = "will the board let us manage our own affairs";

  it("chooses the first passage among those retrieval found as close", () => {
    const without = createObjectivesAssistant(kb, { model: null }).ask(question);
    const leaning = createObjectivesAssistant(kb, { model: fitObjectiveModel(examples, 0.2) }).ask(question);
    expect(without.answers[0]?.objective).toBeNull();
    expect(leaning.answers[0]?.objective).toBe(3);
    expect(new Set(leaning.answers.map((answer) => answer.passageId))).toEqual(
      new Set(without.answers.map((answer) => answer.passageId)),
    );
  });

  it("never changes whether a question is answered: every tuning question is answered or declined as without it", () => {
    const without = createObjectivesAssistant(kb, { model: null, answerable: null });
    const shipped = createObjectivesAssistant(kb, { answerable: null });
    const changed = parseQuestionFile(readFileSync(root(TUNING_FILE), "utf8")).filter(
      ({ q }) => without.ask(q).answered !== shipped.ask(q).answered,
    );
    expect(changed).toEqual([]);
  });
});

describe("office questions put in the objectives' words", () => {
  it("are declined (at most with weak matches), whatever the model makes of their wording", () => {
    const assistant = createObjectivesAssistant(kb);
    for (const question of [
      "is bringing our security guards in house allowed under the CB's objectives",
      "is bringing our pool cars in house allowed under the CB's objectives",
      "does objective 2 say anything about who orders our stationery",
    ]) {
      expect(assistant.ask(question).answered, question).toBe(false);
    }
  });
});

describe("the shipped weights", () => {
  const shipped: ObjectiveModel = JSON.parse(
    readFileSync(root("src/features/objectives/domain/learned-objectives.json"), "utf8"),
  );

  it("are those the tuning half gives, with the weight its held-out figures choose", () => {
    expect(shipped.selection).toBeDefined();
    expect(shipped).toEqual(fitShipped(tuning, shipped.selection ?? []));
    expect(shipped.weight).toBeGreaterThan(0);
  });

  it("were chosen on figures whose weight 0, with the engine of the day, are the batches' first scores", () => {
    // The sixth to sixteenth and the nineteenth batches' first scores in test/fixtures/questions/README.md, summed.
    expect(shipped.selection?.find((tried) => tried.weight === 0)?.engineOfTheDay).toEqual([356, 144, 101, 186]);
  });
});

describe("chooseWeight", () => {
  const tried = (weight: number, day: number[], today: number[]): WeightTried => ({
    weight,
    engineOfTheDay: day,
    engineOfToday: today,
  });

  it("takes the smallest weight within one question of the most objective and fact questions right over both scorings", () => {
    expect(
      chooseWeight([
        tried(0, [10, 5, 3, 3], [20, 5, 3, 3]),
        tried(0.1, [13, 5, 3, 3], [20, 5, 3, 3]),
        tried(0.2, [14, 5, 3, 3], [20, 5, 3, 3]),
        tried(0.3, [13, 5, 3, 3], [19, 5, 3, 3]),
      ]),
    ).toBe(0.1);
    expect(chooseWeight([tried(0, [10, 5, 3, 3], [20, 5, 3, 3]), tried(0.1, [11, 5, 3, 3], [20, 5, 3, 3])])).toBe(0);
  });

  it("never takes a weight that declines fewer off-topic or near-miss questions than none", () => {
    expect(chooseWeight([tried(0, [10, 5, 3, 3], [20, 5, 3, 3]), tried(0.1, [15, 5, 3, 2], [20, 5, 3, 3])])).toBe(0);
  });
});

describe("tuningBatches", () => {
  it("splits the tuning half into the sixteen batches it was written in", () => {
    expect(tuning.map((batch) => [batch.name, batch.questions.length])).toEqual([
      ["first", 112],
      ["second", 143],
      ["third", 71],
      ["fourth", 55],
      ["fifth", 63],
      ["sixth", 49],
      ["seventh", 49],
      ["eighth", 26],
      ["ninth", 133],
      ["tenth", 50],
      ["eleventh", 122],
      ["twelfth", 60],
      ["thirteenth", 40],
      ["fourteenth", 111],
      ["fifteenth", 93],
      ["sixteenth", 130],
      ["nineteenth", 66],
    ]);
    expect(objectiveExamples(tuning)).toHaveLength(633);
  });
});
