/**
 * The tagging model's training examples and fit, shared by scripts/fit-minutes-model.ts (which
 * writes the weights, or cross-validates them) and the unit test that checks the weights shipped
 * are those the tuning half gives.
 */

import { fileURLToPath } from "node:url";
import { readMinutes, type TermTaggedMinutes, withModel } from "../src/features/minutes/domain/document";
import {
  type EvaluationFigures,
  labelledAgendaItems,
  type MinutesLabel,
  scoreDocument,
  summarise,
} from "../src/features/minutes/domain/evaluation";
import { extractCorpusDocument, loadCorpus } from "../src/features/minutes/domain/evaluation-corpus";
import { taggingVocabularyFrom } from "../src/features/minutes/domain/kb-vocabulary";
import {
  agendaText,
  type FeatureReading,
  featureRows,
  fitLogistic,
  fitModel,
  itemFeatures,
  type LabelledExample,
  LEARNED_LABELS,
  type LearnedModel,
  type LearnedThresholds,
  LOGISTIC_OPTIONS,
  type LogisticOptions,
} from "../src/features/minutes/domain/learned-tagging";
import type { TaggingVocabulary } from "../src/features/minutes/domain/tagging";
import { loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";

export const CORPUS = "test/fixtures/minutes-corpus";
export const WEIGHTS_FILE = "src/features/minutes/domain/learned-weights.json";
/** The model is fitted on this half only: the other half is for reporting. */
export const FIT_SPLIT = "tuning";

/** The terms as ingestion uses them: the built-in ones and the knowledge base's words for each objective. */
export const VOCABULARY: TaggingVocabulary = taggingVocabularyFrom(
  loadKnowledgeBase(fileURLToPath(new URL("../knowledge", import.meta.url))),
);

export interface DocumentExamples {
  document: string;
  examples: LabelledExample[];
  /** The document's label and extracted text, to read it again with another model. */
  label: MinutesLabel;
  text: string;
  url: string;
}

/** What is fitted: naive Bayes over words and pairs, or a logistic regression over a reading of each item. */
export type Recipe = { kind: "bayes" } | { kind: "logistic"; reading: FeatureReading; options: LogisticOptions };

/** The model shipped. */
export const SHIPPED_RECIPE: Recipe = {
  kind: "logistic",
  reading: { heading: true, cues: false },
  options: LOGISTIC_OPTIONS,
};

/** Each labelled minutes item of the half, read as ingestion reads it, with its objectives and autonomy. */
export async function trainingExamples(folder = CORPUS, split = FIT_SPLIT): Promise<DocumentExamples[]> {
  const out: DocumentExamples[] = [];
  for (const document of await loadCorpus(folder, split)) {
    if (!document.label.minutes) continue;
    const { text, extraction } = await extractCorpusDocument(document, VOCABULARY);
    const examples = labelledAgendaItems(document.label, extraction).map(({ agenda, label }) => {
      const paragraphs = agenda.items.map((item) => item.text);
      return {
        text: agendaText(agenda.heading, paragraphs),
        heading: agenda.heading,
        paragraphs,
        labels: new Set([...label.objectives.map(String), ...(label.autonomy ? ["autonomy"] : [])]),
      };
    });
    out.push({ document: document.name, examples, label: document.label, text, url: extraction.url });
  }
  return out;
}

/** The model's weights fitted on the documents, with the thresholds leave-one-document-out chooses on them. */
export function fitShipped(documents: readonly DocumentExamples[], recipe: Recipe = SHIPPED_RECIPE): LearnedModel {
  return { ...fitOnExamples(documents, recipe), thresholds: chooseThresholds(heldOut(documents, recipe), recipe) };
}

/**
 * The thresholds tried: where the model adds a tag (log-odds above `add`), where it drops an
 * objective the terms found only in an item's body (log-odds below `veto`; null: never), and the
 * term score that keeps such an objective whatever the model says (0.7: two cues, as SECOND_CUE_SCORE).
 * Naive Bayes's log-odds run far wider than a logistic regression's, so each has its own scale. A
 * logistic regression flags CCG autonomy only where it finds it at least as likely as not (log-odds
 * 0 or more), however well a lower bar scores: a flag is what sends staff to an item, and "the area
 * team said this was for the CCGs to decide" is the kind of near miss a lower bar lets through.
 */
export function candidates(recipe: Recipe): LearnedThresholds[] {
  const [adds, vetoes] =
    recipe.kind === "bayes"
      ? [
          [0, 5, 10, 15],
          [-10, -5, 0, 5],
        ]
      : [
          [-1, -0.5, 0, 0.5, 1, 1.5, 2, 3],
          [-3, -2, -1, 0],
        ];
  return adds.flatMap((add) =>
    [null, ...vetoes].flatMap((veto) =>
      (veto === null ? [1] : [0.7, 0.9, 1]).map((keepScore) => ({
        add,
        ...(recipe.kind === "logistic" ? { addByLabel: { autonomy: Math.max(add, 0) } } : {}),
        veto,
        keepScore,
      })),
    ),
  );
}

/** Per label, where the model may add it: the whole scale tried for one label at a time. */
function labelAdds(recipe: Recipe, label: string): number[] {
  if (recipe.kind === "bayes") return [0, 2.5, 5, 7.5, 10, 12.5, 15, 20];
  const scale = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 4];
  return label === "autonomy" ? scale.filter((add) => add >= 0) : scale;
}

/** Each tuning document read as ingestion does, with the model fitted on the others. */
export interface HeldOut {
  document: DocumentExamples;
  read: TermTaggedMinutes;
  model: LearnedModel;
}

export function heldOut(documents: readonly DocumentExamples[], recipe: Recipe): HeldOut[] {
  return documents.map((document) => ({
    document,
    read: readMinutes(document.text, { url: document.url }, VOCABULARY),
    model: fitOnExamples(
      documents.filter((other) => other !== document),
      recipe,
    ),
  }));
}

/** Tagging as ingestion does it, each document by its own held-out model, with these thresholds. */
export function figuresFor(reads: readonly HeldOut[], thresholds: LearnedThresholds): EvaluationFigures {
  return summarise(
    reads.map(({ document, read, model }) => scoreDocument(document.label, withModel(read, { ...model, thresholds }))),
  );
}

/**
 * Objective tags' F1 among the thresholds that keep objective precision and both autonomy figures at
 * 0.9 or more (all of them when none does); ties go to the first.
 */
function better(figures: EvaluationFigures, than: EvaluationFigures | null): boolean {
  if (!than) return true;
  const eligible = (f: EvaluationFigures) =>
    f.objectivePrecision >= 0.9 && f.autonomyPrecision >= 0.9 && f.autonomyRecall >= 0.9 ? 1 : 0;
  const f1 = (f: EvaluationFigures) => {
    const p = f.objectivePrecision;
    const r = f.objectiveRecall;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  };
  if (eligible(figures) !== eligible(than)) return eligible(figures) > eligible(than);
  return f1(figures) > f1(than) + 1e-9;
}

/**
 * The thresholds chosen by leave-one-document-out: the best of the candidates (see `better`), then
 * each label's own threshold for adding it, tried one label at a time, twice over.
 */
export function chooseThresholds(reads: readonly HeldOut[], recipe: Recipe): LearnedThresholds {
  let best: LearnedThresholds | null = null;
  let bestFigures: EvaluationFigures | null = null;
  for (const thresholds of candidates(recipe)) {
    const figures = figuresFor(reads, thresholds);
    if (better(figures, bestFigures)) {
      best = thresholds;
      bestFigures = figures;
    }
  }
  if (!best || !bestFigures) throw new Error("No thresholds to choose from");
  const byLabel: Record<string, number> = Object.fromEntries(
    LEARNED_LABELS.map((label) => [label, best.addByLabel?.[label] ?? best.add]),
  );
  for (let pass = 0; pass < 2; pass++) {
    for (const label of LEARNED_LABELS) {
      for (const add of labelAdds(recipe, label)) {
        const tried = { ...best, addByLabel: { ...byLabel, [label]: add } };
        const figures = figuresFor(reads, tried);
        if (better(figures, bestFigures)) {
          byLabel[label] = add;
          bestFigures = figures;
        }
      }
    }
  }
  return { ...best, addByLabel: byLabel };
}

export function fitOnExamples(documents: readonly DocumentExamples[], recipe: Recipe = SHIPPED_RECIPE): LearnedModel {
  const examples = documents.flatMap((document) => document.examples);
  if (recipe.kind === "bayes") return fitModel(examples, LEARNED_LABELS);
  const data = featureRows(
    examples.map((example) =>
      itemFeatures(example.heading, example.paragraphs ?? [example.text], VOCABULARY, recipe.reading),
    ),
    recipe.options.minCount,
  );
  const labels = Object.fromEntries(
    LEARNED_LABELS.map((label) => [
      label,
      fitLogistic(
        data,
        examples.map((example) => example.labels.has(label)),
        recipe.options,
      ),
    ]),
  );
  return { labels, reading: recipe.reading };
}

/** The weights as written to WEIGHTS_FILE. */
export function serialise(model: LearnedModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
