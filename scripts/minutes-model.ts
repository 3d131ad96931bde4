/**
 * The tagging model's training examples and fit, shared by scripts/fit-minutes-model.ts (which
 * writes the weights, or cross-validates them) and the unit test that checks the weights shipped
 * are those the tuning half gives.
 */

import { labelledAgendaItems, type MinutesLabel } from "../src/features/minutes/domain/evaluation";
import { extractCorpusDocument, loadCorpus } from "../src/features/minutes/domain/evaluation-corpus";
import {
  agendaText,
  fitModel,
  type LabelledExample,
  LEARNED_LABELS,
  type LearnedModel,
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
