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
  type Analyser,
  chooseRescue,
  chooseWeight,
  fitObjectiveModel,
  fitScopeModel,
  type HeldOutFigures,
  type ObjectiveExample,
  type ObjectiveModel,
  type RescueTried,
  type WeightTried,
} from "../src/features/objectives/domain/learned-objectives";

export const TUNING_FILE = "test/fixtures/questions/tuning.yaml";
export const WEIGHTS_FILE = "src/features/objectives/domain/learned-objectives.json";
export const KNOWLEDGE_DIR = "knowledge";

/** The weights tried for the model's say in the order of passages; 0 is the engine without it. */
export const WEIGHT_CANDIDATES = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6];
/** The scope log-odds tried above which a declined question may be answered: null (never), then high to low. */
export const RESCUE_CANDIDATES = [null, 8, 6, 5, 4, 3, 2, 1, 0];

/** One way of using the models: the lean's weight, and the rescue threshold. */
export interface Setting {
  weight: number;
  rescue: number | null;
}

export const weightSettings = (): Setting[] => WEIGHT_CANDIDATES.map((weight) => ({ weight, rescue: null }));
export const rescueSettings = (weight: number): Setting[] => RESCUE_CANDIDATES.map((rescue) => ({ weight, rescue }));

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

/** Every question of the batches, answerable (objective, fact) or not (off-topic, near-miss), for the scope model. */
export function scopeExamples(batches: readonly Batch[]): { text: string; answerable: boolean }[] {
  return batches.flatMap((batch) =>
    batch.questions.map((question) => ({
      text: question.q,
      answerable: question.category === "objective" || question.category === "fact",
    })),
  );
}

/** The models fitted on the batches (with the analysis given), to be used with each setting. */
export function fitModels(batches: readonly Batch[], read?: Analyser): (setting: Setting) => ObjectiveModel {
  const objectives = fitObjectiveModel(objectiveExamples(batches), 0, read);
  const scope = fitScopeModel(scopeExamples(batches), read);
  return ({ weight, rescue }) => ({ ...objectives, weight, scope, rescue });
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
  /** Per setting, in the order given: the batch's figures with the models fitted on the other batches. */
  figures: Figures[];
}

/**
 * For each batch, the models fitted on the other batches, and the batch asked of today's answerer with
 * them in each setting.
 */
export function leaveOneBatchOut(
  batches: readonly Batch[],
  settings: readonly Setting[],
  kb: KnowledgeBase = loadKnowledgeBase(KNOWLEDGE_DIR),
): BatchResult[] {
  return batches.map((held) => {
    const fitted = fitModels(batches.filter((batch) => batch !== held));
    return {
      batch: held.name,
      figures: settings.map((setting) => {
        const assistant = createObjectivesAssistant(kb, { model: fitted(setting) });
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

/** The models shipped: fitted on every batch, with the weight and rescue threshold the held-out figures choose. */
export function fitShipped(
  batches: readonly Batch[],
  selection: { weights: WeightTried[]; rescues: RescueTried[] },
): ObjectiveModel {
  const weight = chooseWeight(selection.weights);
  const rescue = chooseRescue(selection.rescues);
  return { ...fitModels(batches)({ weight, rescue }), selection };
}

/** The weights as written to WEIGHTS_FILE (then formatted by Biome, as every JSON file here). */
export function serialise(model: ObjectiveModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
