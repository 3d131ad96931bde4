/**
 * The objectives model's training questions, fit and leave-one-batch-out scoring, shared by
 * scripts/fit-objectives-model.ts (which writes the weights, or reports the held-out figures) and the
 * unit test that checks the weights shipped are those the tuning half gives. Only the tuning half of
 * the evaluation questions is read.
 */
import { readFileSync } from "node:fs";
import { createObjectivesAssistant } from "../src/features/objectives/domain/answer";
import {
  type CategoryResult,
  evaluate,
  type LabelledQuestion,
  parseQuestionFile,
  type QuestionCategory,
} from "../src/features/objectives/domain/evaluation";
import { type KnowledgeBase, loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import {
  chooseWeight,
  fitObjectiveModel,
  type HeldOutFigures,
  type ObjectiveExample,
  type ObjectiveModel,
  type WeightTried,
} from "../src/features/objectives/domain/learned-objectives";

export const TUNING_FILE = "test/fixtures/questions/tuning.yaml";
export const WEIGHTS_FILE = "src/features/objectives/domain/learned-objectives.json";
export const KNOWLEDGE_DIR = "knowledge";

/** The weights tried for the model's say in the order of passages; 0 is the engine without it. */
export const WEIGHT_CANDIDATES = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6];

export interface Batch {
  /** "first", "second", ... as the file's comment lines name them. */
  name: string;
  questions: LabelledQuestion[];
}

/**
 * The tuning half split into the batches it was written in: the first 112 questions, then each batch
 * that starts at a `# --- <name> batch` comment line.
 */
export function tuningBatches(file = TUNING_FILE): Batch[] {
  const content = readFileSync(file, "utf8");
  const questions = parseQuestionFile(content);
  const batches: { name: string; count: number }[] = [{ name: "first", count: 0 }];
  for (const line of content.split("\n")) {
    const marker = /^\s*# --- (\w+) batch\b/.exec(line);
    if (marker?.[1]) batches.push({ name: marker[1], count: 0 });
    else if (/^\s*- q:/.test(line)) {
      const current = batches[batches.length - 1];
      if (current) current.count++;
    }
  }
  const total = batches.reduce((sum, batch) => sum + batch.count, 0);
  if (total !== questions.length) throw new Error(`Counted ${total} questions in batches, parsed ${questions.length}`);
  let start = 0;
  return batches.map((batch) => {
    const slice = questions.slice(start, start + batch.count);
    start += batch.count;
    return { name: batch.name, questions: slice };
  });
}

/** The labelled objective questions of the batches, as the model learns from them. */
export function objectiveExamples(batches: readonly Batch[]): ObjectiveExample[] {
  return batches.flatMap((batch) =>
    batch.questions.flatMap((question) =>
      question.category === "objective" ? [{ text: question.q, objectives: question.objectives }] : [],
    ),
  );
}

export type Figures = Record<QuestionCategory, { right: number; questions: number }>;

export interface BatchResult {
  batch: string;
  /** Per weight candidate, in WEIGHT_CANDIDATES' order: the batch's figures with the model fitted on the other batches. */
  figures: Figures[];
}

/**
 * For each batch, the model fitted on the other batches, and the batch asked of the answerer with
 * that model at each weight.
 */
export function leaveOneBatchOut(
  batches: readonly Batch[],
  weights: readonly number[] = WEIGHT_CANDIDATES,
  kb: KnowledgeBase = loadKnowledgeBase(KNOWLEDGE_DIR),
): BatchResult[] {
  return batches.map((held) => {
    const fitted = fitObjectiveModel(objectiveExamples(batches.filter((batch) => batch !== held)), 0);
    return {
      batch: held.name,
      figures: weights.map((weight) => {
        const assistant = createObjectivesAssistant(kb, { model: { ...fitted, weight } });
        return toFigures(evaluate((question) => assistant.ask(question), held.questions).categories);
      }),
    };
  });
}

export function toFigures(categories: readonly CategoryResult[]): Figures {
  const figures = {
    objective: { right: 0, questions: 0 },
    fact: { right: 0, questions: 0 },
    "off-topic": { right: 0, questions: 0 },
    "near-miss": { right: 0, questions: 0 },
  };
  for (const result of categories) figures[result.category] = { right: result.right, questions: result.questions };
  return figures;
}

export function addFigures(all: readonly Figures[]): Figures {
  const sum = toFigures([]);
  for (const figures of all) {
    for (const category of Object.keys(sum) as QuestionCategory[]) {
      sum[category].right += figures[category].right;
      sum[category].questions += figures[category].questions;
    }
  }
  return sum;
}

/** The figures as the model's selection records them: right of objective, fact, off-topic, near-miss. */
export function heldOut(figures: Figures): HeldOutFigures {
  return [figures.objective.right, figures.fact.right, figures["off-topic"].right, figures["near-miss"].right];
}

/** The model shipped: fitted on every batch, with the weight chosen on the held-out figures of each weight tried. */
export function fitShipped(batches: readonly Batch[], selection: WeightTried[]): ObjectiveModel {
  return { ...fitObjectiveModel(objectiveExamples(batches), chooseWeight(selection)), selection };
}

/** The weights as written to WEIGHTS_FILE (then formatted by Biome, as every JSON file here). */
export function serialise(model: ObjectiveModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
