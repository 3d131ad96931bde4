/**
 * Fits the minutes tagging model on the tuning half of the labelled corpus and writes its weights
 * and thresholds (src/features/minutes/domain/learned-weights.json): the thresholds are those that
 * do best when each tuning document is tagged by the model fitted on the others (leave one document
 * out; see chooseThresholds). With --cross-validate it prints how the model does on each tuning
 * document fitted on the others, beside the hand-written terms on the same items, and the figures of
 * tagging as ingestion does it with that held-out model, for each thresholds tried. The test half
 * is never read.
 *
 *   npx tsx scripts/fit-minutes-model.ts [--cross-validate]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EvaluationFigures } from "../src/features/minutes/domain/evaluation";
import { features, type LearnedThresholds, logOdds } from "../src/features/minutes/domain/learned-tagging";
import { defaultTaggingVocabulary, tagItem } from "../src/features/minutes/domain/tagging";
import {
  CANDIDATES,
  chooseThresholds,
  type DocumentExamples,
  fitOnExamples,
  leaveOneOut,
  serialise,
  trainingExamples,
  WEIGHTS_FILE,
} from "./minutes-model";

const { values } = parseArgs({ options: { "cross-validate": { type: "boolean", default: false } } });

const documents = await trainingExamples();
if (values["cross-validate"]) {
  crossValidate(documents);
} else {
  const results = leaveOneOut(documents, CANDIDATES);
  const thresholds = chooseThresholds(results);
  writeFileSync(WEIGHTS_FILE, serialise({ ...fitOnExamples(documents), thresholds }));
  const items = documents.reduce((sum, document) => sum + document.examples.length, 0);
  console.log(`Wrote ${WEIGHTS_FILE}: fitted on ${items} items of ${documents.length} tuning documents.`);
  console.log(
    `Thresholds ${describe(thresholds)}, chosen by leave-one-document-out: ${figuresLine(results, thresholds)}`,
  );
}

function crossValidate(all: readonly DocumentExamples[]): void {
  const results = leaveOneOut(all, CANDIDATES);
  const chosen = chooseThresholds(results);
  const counts = { model: newCounts(), terms: newCounts(), either: newCounts() };
  for (const held of all) {
    const model = fitOnExamples(all.filter((document) => document !== held));
    for (const example of held.examples) {
      const present = features(example.text);
      const byModel = new Set(
        Object.entries(model.labels)
          .filter(([, label]) => logOdds(label, present) > chosen.add)
          .map(([name]) => name),
      );
      const tags = tagItem(example.text, defaultTaggingVocabulary);
      const byTerms = new Set([
        ...tags.objectives.map((tag) => String(tag.objective)),
        ...(tags.autonomy ? ["autonomy"] : []),
      ]);
      for (const name of ["1", "2", "3", "4", "autonomy"]) {
        const wanted = example.labels.has(name);
        count(counts.model, name, byModel.has(name), wanted);
        count(counts.terms, name, byTerms.has(name), wanted);
        count(counts.either, name, byModel.has(name) || byTerms.has(name), wanted);
      }
    }
  }
  console.log(`Leave-one-document-out over ${all.length} tuning documents (objectives 1-4 together; autonomy):`);
  for (const [name, value] of Object.entries(counts)) {
    console.log(
      `  ${name.padEnd(6)} objectives P ${ratio(value.objectives, "fp")} R ${ratio(value.objectives, "fn")}   autonomy P ${ratio(value.autonomy, "fp")} R ${ratio(value.autonomy, "fn")}`,
    );
  }
  console.log(
    `  (model: log-odds above ${chosen.add}; terms: the hand-written terms, fitted by hand on all of these documents, so not held out)`,
  );
  console.log(
    "Tagging as ingestion does (terms, routine items, then the model fitted without the document), by thresholds:",
  );
  for (const { thresholds } of results) {
    console.log(
      `  ${describe(thresholds).padEnd(44)} ${figuresLine(results, thresholds)}${thresholds === chosen ? "   <- chosen" : ""}`,
    );
  }
}

function describe(thresholds: LearnedThresholds): string {
  const veto =
    thresholds.veto === null ? "no veto" : `veto below ${thresholds.veto} under score ${thresholds.keepScore}`;
  return `add above ${thresholds.add}, ${veto}`;
}

function figuresLine(
  results: readonly { thresholds: LearnedThresholds; figures: EvaluationFigures }[],
  thresholds: LearnedThresholds,
): string {
  const figures = results.find((result) => result.thresholds === thresholds)?.figures;
  if (!figures) return "";
  return `objectives P ${figures.objectivePrecision.toFixed(2)} R ${figures.objectiveRecall.toFixed(2)}, autonomy P ${figures.autonomyPrecision.toFixed(2)} R ${figures.autonomyRecall.toFixed(2)}`;
}

type Counts = { tp: number; fp: number; fn: number };
function newCounts() {
  return { objectives: { tp: 0, fp: 0, fn: 0 }, autonomy: { tp: 0, fp: 0, fn: 0 } };
}
function count(into: ReturnType<typeof newCounts>, name: string, predicted: boolean, wanted: boolean): void {
  const bucket: Counts = name === "autonomy" ? into.autonomy : into.objectives;
  if (predicted && wanted) bucket.tp++;
  else if (predicted) bucket.fp++;
  else if (wanted) bucket.fn++;
}
function ratio(counts: Counts, miss: "fp" | "fn"): string {
  const total = counts.tp + counts[miss];
  return total === 0 ? "-" : (counts.tp / total).toFixed(2);
}
