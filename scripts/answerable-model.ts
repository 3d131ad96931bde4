/**
 * The decision model's training examples, fit and leave-one-batch-out scoring (learned-answerable.ts),
 * shared by scripts/fit-answerable-model.ts and the unit test that checks the weights shipped are those
 * the tuning half gives. Each question's evidence is read with the objectives model fitted on the other
 * batches, as the decision will meet questions that model has not seen. Only the tuning half is read.
 */
import { type AskResult, createObjectivesAssistant, hitAnswer } from "../src/features/objectives/domain/answer";
import { judge, type LabelledQuestion } from "../src/features/objectives/domain/evaluation";
import { type KnowledgeBase, loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import {
  type AnswerableExample,
  type AnswerableModel,
  answerableProbability,
  answerEvidence,
  type Decision,
  decideAnswer,
  type Evidence,
  type EvidenceIndex,
  fitAnswerable,
} from "../src/features/objectives/domain/learned-answerable";
import { fitObjectiveModel, objectiveProbabilities } from "../src/features/objectives/domain/learned-objectives";
import shippedObjectives from "../src/features/objectives/domain/learned-objectives.json";
import { type Batch, type Figures, KNOWLEDGE_DIR, objectiveExamples, toFigures } from "./objectives-model";

export const DECISION_FILE = "src/features/objectives/domain/learned-answerable.json";
/** Probabilities tried for answering a declined question (> 1: never) and for declining an answered one (0: never). */
export const RESCUE_CANDIDATES = [2, 0.99, 0.97, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5];
export const VETO_CANDIDATES = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

export interface Asked {
  batch: string;
  question: LabelledQuestion;
  /** The engine's own result, without the decision. */
  result: AskResult;
  evidence: Evidence;
}

export function isAnswerable(question: LabelledQuestion): boolean {
  return question.category === "objective" || question.category === "fact";
}

/** Every batch asked of today's engine without the decision, its evidence read with the objectives model fitted on the other batches. */
export function askToday(batches: readonly Batch[], kb: KnowledgeBase = loadKnowledgeBase(KNOWLEDGE_DIR)): Asked[] {
  return batches.flatMap((held) => {
    const model = fitObjectiveModel(
      objectiveExamples(batches.filter((batch) => batch !== held)),
      shippedObjectives.weight,
    );
    const assistant = createObjectivesAssistant(kb, { model, answerable: null });
    return held.questions.map((question) => ({
      batch: held.name,
      question,
      result: assistant.ask(question.q),
      evidence: answerEvidence(assistant.index, question.q, objectiveProbabilities(model, question.q)),
    }));
  });
}

/** Asks one batch of another engine (the engine of its day), with its index for the evidence. */
export function askOf(
  batch: string,
  questions: readonly LabelledQuestion[],
  ask: (question: string) => AskResult,
  index: EvidenceIndex,
  probabilities: (question: string) => number[],
): Asked[] {
  return questions.map((question) => ({
    batch,
    question,
    result: ask(question.q),
    evidence: answerEvidence(index, question.q, probabilities(question.q)),
  }));
}

export function examples(asked: readonly Asked[]): AnswerableExample[] {
  return asked.map((entry) => ({ features: entry.evidence.features, answerable: isAnswerable(entry.question) }));
}

/** The model shipped: fitted on today's engine's evidence over every batch. */
export function fitShippedDecision(today: readonly Asked[], rescue: number, veto: number): AnswerableModel {
  return fitAnswerable(examples(today), rescue, veto);
}

/** Per batch held out: the model fitted on today's evidence of the other batches. */
export function foldModels(today: readonly Asked[], batches: readonly string[]): Map<string, AnswerableModel> {
  return new Map(
    batches.map((batch) => [batch, fitAnswerable(examples(today.filter((entry) => entry.batch !== batch)), 2, 0)]),
  );
}

export interface Scored {
  figures: Figures;
  rescued: { right: number; wrong: number };
  vetoed: { right: number; wrong: number };
}

/** The asked questions' figures with the decision at these thresholds, each batch's model fitted without it. */
export function scoreDecision(
  asked: readonly Asked[],
  folds: ReadonlyMap<string, AnswerableModel>,
  rescue: number,
  veto: number,
): Scored {
  const tallies = {
    objective: { right: 0, questions: 0 },
    fact: { right: 0, questions: 0 },
    "off-topic": { right: 0, questions: 0 },
    "near-miss": { right: 0, questions: 0 },
  };
  const rescued = { right: 0, wrong: 0 };
  const vetoed = { right: 0, wrong: 0 };
  for (const entry of asked) {
    const fold = folds.get(entry.batch);
    if (!fold) throw new Error(`No model for the ${entry.batch} batch`);
    const { result, decision } = decideAnswer({ ...fold, rescue, veto }, entry.result, () => entry.evidence, hitAnswer);
    const right = judge(entry.question, result) === "right";
    const tally = tallies[entry.question.category];
    tally.questions++;
    if (right) tally.right++;
    count(decision, right, rescued, vetoed);
  }
  return {
    figures: toFigures(Object.entries(tallies).map(([category, t]) => ({ category, ...t })) as never),
    rescued,
    vetoed,
  };
}

function count(decision: Decision, right: boolean, rescued: Scored["rescued"], vetoed: Scored["vetoed"]): void {
  if (decision === "rescued") rescued[right ? "right" : "wrong"]++;
  if (decision === "vetoed") vetoed[right ? "right" : "wrong"]++;
}

export { answerableProbability };
