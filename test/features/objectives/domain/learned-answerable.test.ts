import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { askToday, fitShippedDecision } from "../../../../scripts/answerable-model";
import { TUNING_FILE, tuningBatches } from "../../../../scripts/objectives-model";
import {
  type AskResult,
  createObjectivesAssistant,
  hitAnswer,
} from "../../../../src/features/objectives/domain/answer";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";
import {
  type AnswerableModel,
  decideAnswer,
  type Evidence,
  fitAnswerable,
} from "../../../../src/features/objectives/domain/learned-answerable";
import shipped from "../../../../src/features/objectives/domain/learned-answerable.json";
import type { SearchHit } from "../../../../src/features/objectives/domain/search-document";

const root = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
const kb = loadKnowledgeBase(root("knowledge"));

describe("the decision of whether to answer", () => {
  it("ships the weights the tuning half gives, at the thresholds leave-one-batch-out chose", () => {
    const today = askToday(tuningBatches(root(TUNING_FILE)), kb);
    expect(fitShippedDecision(today, shipped.rescue, shipped.veto)).toEqual(shipped);
    // Every tuning question asked fifteen times over (one objectives model per batch left out) takes a
    // while on a loaded machine.
  }, 300_000);

  it("declines office questions put in the objectives' words", () => {
    const assistant = createObjectivesAssistant(kb);
    const office = [
      "is bringing our security guards in house allowed under the CB's objectives",
      "can we bring our cleaning contract in house under objective 2",
      "does the letter let us choose our own stationery supplier",
      "are train fares to the area team covered under objective 3",
      "can we pick our own laptop supplier under transferring power",
      "who decides our switchboard provider under the objectives",
      "does objective 3 cover the budget for office cleaning",
      "does the commissioning support objective mean we can sack our cleaners",
      "under objective 2 can we buy our own printers",
    ];
    expect(office.filter((question) => assistant.ask(question).answered)).toEqual([]);
  });

  it("still answers questions in the knowledge base's words", () => {
    const assistant = createObjectivesAssistant(kb);
    expect(assistant.ask("can the Board overrule our CCG?").answered).toBe(true);
    expect(assistant.ask("who is in charge of choosing commissioning support").answers[0]?.objective).toBe(2);
  });
});

describe("decideAnswer", () => {
  const hit = (objective: number | null, score: number): SearchHit => ({
    document: {
      id: `p${objective}`,
      objective,
      kind: "summary",
      text: "A passage",
      source: { title: "t", publisher: "p", date: "2012-04-23" },
    },
    score,
    rawScore: score,
  });
  const model: AnswerableModel = { ...fitAnswerable([], 0.7, 0.15), weights: [0, 0, 4, 0, 0, 0, 0], bias: 0 };
  const evidence = (share: number, overrides: Partial<Evidence> = {}): Evidence => ({
    features: [0, 0, share, 0, 0, 0, 0],
    reconsiderable: true,
    onSubject: true,
    closest: [hit(1, 0.3)],
    ...overrides,
  });
  const declined: AskResult = { question: "q", answered: false, direct: false, answers: [] };
  const answered: AskResult = { question: "q", answered: true, direct: true, answers: [hitAnswer(hit(2, 0.6))] };

  it("answers a declined question on strong evidence with the closest passage, shown as not answering directly", () => {
    const { result, decision } = decideAnswer(model, declined, () => evidence(1), hitAnswer);
    expect(decision).toBe("rescued");
    expect(result).toMatchObject({ answered: true, direct: false, answers: [{ objective: 1 }] });
  });

  it("never answers a decline made on purpose, nor one whose best passage is off the subject", () => {
    expect(decideAnswer(model, declined, () => evidence(1, { reconsiderable: false }), hitAnswer).decision).toBe(
      "kept",
    );
    expect(decideAnswer(model, declined, () => evidence(1, { onSubject: false }), hitAnswer).decision).toBe("kept");
    expect(decideAnswer(model, declined, () => evidence(0), hitAnswer).decision).toBe("kept");
  });

  it("declines an answered question on weak evidence, and keeps one on strong evidence", () => {
    expect(decideAnswer(model, answered, () => evidence(-1), hitAnswer)).toMatchObject({
      decision: "vetoed",
      result: { answered: false },
    });
    expect(decideAnswer(model, answered, () => evidence(1), hitAnswer).result).toBe(answered);
  });

  it("fits the same weights from the same examples", () => {
    const examples = [
      { features: [0.9, 0.5, 0.9, 0, 0.9, 0.9, 0], answerable: true },
      { features: [0.3, 0.1, 0.3, 1, 0.2, 0.5, 1], answerable: false },
    ];
    expect(fitAnswerable(examples, 0.7, 0.15)).toEqual(fitAnswerable(examples, 0.7, 0.15));
  });
});
