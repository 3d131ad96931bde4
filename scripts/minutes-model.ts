/**
 * The tagging model's training examples and fit, shared by scripts/fit-minutes-model.ts (which
 * writes the weights, or cross-validates them) and the unit test that checks the weights shipped
 * are those the tuning half gives.
 */

import { readMinutes, withModel } from "../src/features/minutes/domain/document";
import {
  type EvaluationFigures,
  labelledAgendaItems,
  type MinutesLabel,
  scoreDocument,
  summarise,
} from "../src/features/minutes/domain/evaluation";
import { extractCorpusDocument, loadCorpus } from "../src/features/minutes/domain/evaluation-corpus";
import {
  agendaText,
  fitModel,
  type LabelledExample,
  LEARNED_LABELS,
  type LearnedModel,
  type LearnedThresholds,
} from "../src/features/minutes/domain/learned-tagging";
import { defaultTaggingVocabulary } from "../src/features/minutes/domain/tagging";

export const CORPUS = "test/fixtures/minutes-corpus";
export const WEIGHTS_FILE = "src/features/minutes/domain/learned-weights.json";
/** The model is fitted on this half only: the other half is for reporting. */
export const FIT_SPLIT = "tuning";

export interface DocumentExamples {
  document: string;
  examples: LabelledExample[];
  /** The document's label and extracted text, to read it again with another model. */
  label: MinutesLabel;
  text: string;
  url: string;
}

/** Each labelled minutes item of the half, read as ingestion reads it, with its objectives and autonomy. */
export async function trainingExamples(folder = CORPUS, split = FIT_SPLIT): Promise<DocumentExamples[]> {
  const out: DocumentExamples[] = [];
  for (const document of await loadCorpus(folder, split)) {
    if (!document.label.minutes) continue;
    const { text, extraction } = await extractCorpusDocument(document, defaultTaggingVocabulary);
    const examples = labelledAgendaItems(document.label, extraction).map(({ agenda, label }) => ({
      text: agendaText(
        agenda.heading,
        agenda.items.map((item) => item.text),
      ),
      labels: new Set([...label.objectives.map(String), ...(label.autonomy ? ["autonomy"] : [])]),
    }));
    out.push({ document: document.name, examples, label: document.label, text, url: extraction.url });
  }
  return out;
}

/** The model's weights fitted on the documents, with the thresholds leave-one-document-out chooses on them. */
export function fitShipped(documents: readonly DocumentExamples[]): LearnedModel {
  return { ...fitOnExamples(documents), thresholds: chooseThresholds(leaveOneOut(documents, CANDIDATES)) };
}

/**
 * The thresholds tried: where the model adds a tag (log-odds above `add`), where it drops an
 * objective the terms found only in an item's body (log-odds below `veto`; null: never), and the
 * term score that keeps such an objective whatever the model says (0.7: two cues, as SECOND_CUE_SCORE).
 */
export const CANDIDATES: LearnedThresholds[] = [0, 5, 10, 15].flatMap((add) =>
  [null, -10, -5, 0, 5].flatMap((veto) =>
    (veto === null ? [1] : [0.7, 0.9, 1]).map((keepScore) => ({ add, veto, keepScore })),
  ),
);

/**
 * Tagging as ingestion does it, with each document read by the model fitted on the others, for each
 * candidate set of thresholds: the figures of every candidate, in the order given.
 */
export function leaveOneOut(
  documents: readonly DocumentExamples[],
  candidates: readonly LearnedThresholds[],
): { thresholds: LearnedThresholds; figures: EvaluationFigures }[] {
  const scores = candidates.map(() => [] as ReturnType<typeof scoreDocument>[]);
  for (const held of documents) {
    const fitted = fitOnExamples(documents.filter((document) => document !== held));
    const read = readMinutes(held.text, { url: held.url }, defaultTaggingVocabulary);
    candidates.forEach((thresholds, index) => {
      scores[index]?.push(scoreDocument(held.label, withModel(read, { ...fitted, thresholds })));
    });
  }
  return candidates.map((thresholds, index) => ({ thresholds, figures: summarise(scores[index] ?? []) }));
}

/**
 * The candidate with the best F0.5 of objective tags (precision counted twice as much as recall) among
 * those that keep objective recall and both autonomy figures at 0.9 or more; ties go to the first.
 */
export function chooseThresholds(
  results: readonly { thresholds: LearnedThresholds; figures: EvaluationFigures }[],
): LearnedThresholds {
  const fHalf = (figures: EvaluationFigures) => {
    const p = figures.objectivePrecision;
    const r = figures.objectiveRecall;
    return p + r === 0 ? 0 : (1.25 * p * r) / (0.25 * p + r);
  };
  const eligible = results.filter(
    ({ figures }) =>
      figures.objectiveRecall >= 0.9 && figures.autonomyPrecision >= 0.9 && figures.autonomyRecall >= 0.9,
  );
  let best = eligible[0] ?? results[0];
  for (const result of eligible) if (best && fHalf(result.figures) > fHalf(best.figures) + 1e-9) best = result;
  if (!best) throw new Error("No thresholds to choose from");
  return best.thresholds;
}

export function fitOnExamples(documents: readonly DocumentExamples[]): LearnedModel {
  return fitModel(
    documents.flatMap((document) => document.examples),
    LEARNED_LABELS,
  );
}

/** The weights as written to WEIGHTS_FILE. */
export function serialise(model: LearnedModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
