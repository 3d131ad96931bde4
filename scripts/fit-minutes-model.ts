/**
 * Fits the minutes tagging model on the tuning half of the labelled corpus and writes its weights
 * (src/features/minutes/domain/learned-weights.json), or with --cross-validate prints how the model
 * does on each tuning document when fitted on the others (leave one document out), beside the
 * hand-written terms on the same items, and the figures of tagging as ingestion does it with that
 * held-out model. The test half is never read.
 *
 *   npx tsx scripts/fit-minutes-model.ts [--cross-validate]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildMinutesDocument } from "../src/features/minutes/domain/document";
import { type DocumentScore, scoreDocument, summarise } from "../src/features/minutes/domain/evaluation";
import { features, logOdds } from "../src/features/minutes/domain/learned-tagging";
import { defaultTaggingVocabulary, tagItem } from "../src/features/minutes/domain/tagging";
import { type DocumentExamples, fitOnExamples, serialise, trainingExamples, WEIGHTS_FILE } from "./minutes-model";

const { values } = parseArgs({ options: { "cross-validate": { type: "boolean", default: false } } });

const documents = await trainingExamples();
if (values["cross-validate"]) {
  crossValidate(documents);
} else {
  writeFileSync(WEIGHTS_FILE, serialise(fitOnExamples(documents)));
  const items = documents.reduce((sum, document) => sum + document.examples.length, 0);
  console.log(`Wrote ${WEIGHTS_FILE}: fitted on ${items} items of ${documents.length} tuning documents.`);
}

function crossValidate(all: readonly DocumentExamples[]): void {
  const counts = { model: newCounts(), terms: newCounts(), either: newCounts() };
  const scores: DocumentScore[] = [];
  for (const held of all) {
    const model = fitOnExamples(all.filter((document) => document !== held));
    const extraction = buildMinutesDocument(held.text, { url: held.url }, defaultTaggingVocabulary, model);
    scores.push(scoreDocument(held.label, extraction));
    for (const example of held.examples) {
      const present = features(example.text);
      const byModel = new Set(
        Object.entries(model.labels)
          .filter(([, label]) => logOdds(label, present) > 0)
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
  console.log("  (terms: the hand-written terms, fitted by hand on all of these documents, so not held out)");
  const figures = summarise(scores);
  console.log(
    `Tagging as ingestion does (terms, routine items, then the model fitted without the document): objectives P ${figures.objectivePrecision.toFixed(2)} R ${figures.objectiveRecall.toFixed(2)}, autonomy P ${figures.autonomyPrecision.toFixed(2)} R ${figures.autonomyRecall.toFixed(2)}`,
  );
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
