/**
 * Fits the minutes tagging model on the tuning half of the labelled corpus and writes its weights
 * and thresholds (src/features/minutes/domain/learned-weights.json): the thresholds are those that
 * do best when each tuning document is tagged by the model fitted on the others (leave one document
 * out; see chooseThresholds). With --cross-validate it prints, for the model shipped and the ones it
 * was chosen over, tagging as ingestion does it with each tuning document read by the model fitted
 * on the others, and the `heldout` set read by the model fitted on the whole tuning half. The test
 * half is never read.
 *
 *   npx tsx scripts/fit-minutes-model.ts [--cross-validate]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readMinutes, withModel } from "../src/features/minutes/domain/document";
import { type EvaluationFigures, scoreDocument, summarise } from "../src/features/minutes/domain/evaluation";
import { type LearnedThresholds, LOGISTIC_OPTIONS } from "../src/features/minutes/domain/learned-tagging";
import {
  CORPUS,
  chooseThresholds,
  type DocumentExamples,
  figuresFor,
  fitOnExamples,
  heldOut,
  type Recipe,
  SHIPPED_RECIPE,
  serialise,
  trainingExamples,
  VOCABULARY,
  WEIGHTS_FILE,
} from "./minutes-model";

const { values } = parseArgs({ options: { "cross-validate": { type: "boolean", default: false } } });

const documents = await trainingExamples();
if (values["cross-validate"]) {
  const later = await trainingExamples(CORPUS, "heldout");
  const recipes: [string, Recipe][] = [
    ["naive Bayes, words and pairs", { kind: "bayes" }],
    [
      "logistic, words and pairs",
      { kind: "logistic", reading: { heading: false, cues: false }, options: LOGISTIC_OPTIONS },
    ],
    ["logistic, + heading (shipped)", SHIPPED_RECIPE],
    [
      "logistic, + terms' cues",
      { kind: "logistic", reading: { heading: false, cues: true }, options: LOGISTIC_OPTIONS },
    ],
    [
      "logistic, + heading + cues",
      { kind: "logistic", reading: { heading: true, cues: true }, options: LOGISTIC_OPTIONS },
    ],
  ];
  const only = process.env.RECIPES?.split(",").map(Number);
  console.log(
    `Leave-one-document-out over ${documents.length} tuning documents; the heldout set (${later.length}) read by the model fitted on them all:`,
  );
  for (const [index, [name, recipe]] of recipes.entries()) {
    if (only && !only.includes(index)) continue;
    const started = Date.now();
    const reads = heldOut(documents, recipe);
    const thresholds = chooseThresholds(reads, recipe);
    const model = { ...fitOnExamples(documents, recipe), thresholds };
    const held = summarise(
      later.map((document) =>
        scoreDocument(document.label, withModel(readMinutes(document.text, { url: document.url }, VOCABULARY), model)),
      ),
    );
    const terms = figuresFor(reads, { add: Number.POSITIVE_INFINITY, veto: null, keepScore: 1 });
    console.log(`${name} (${Math.round((Date.now() - started) / 1000)} s), thresholds ${describe(thresholds)}`);
    console.log(`  tuning, left out:  ${figuresLine(figuresFor(reads, thresholds))}`);
    console.log(`  heldout:           ${figuresLine(held)}`);
    if (index === 0) console.log(`  terms alone, tuning: ${figuresLine(terms)}`);
  }
} else {
  const started = Date.now();
  const reads = heldOut(documents, SHIPPED_RECIPE);
  const thresholds = chooseThresholds(reads, SHIPPED_RECIPE);
  writeFileSync(WEIGHTS_FILE, serialise({ ...fitOnExamples(documents, SHIPPED_RECIPE), thresholds }));
  const items = documents.reduce((sum, document: DocumentExamples) => sum + document.examples.length, 0);
  console.log(`Wrote ${WEIGHTS_FILE}: fitted on ${items} items of ${documents.length} tuning documents.`);
  console.log(
    `Thresholds ${describe(thresholds)}, chosen by leave-one-document-out in ${Math.round((Date.now() - started) / 1000)} s:`,
  );
  console.log(`  ${figuresLine(figuresFor(reads, thresholds))}`);
}

function describe(thresholds: LearnedThresholds): string {
  const veto =
    thresholds.veto === null ? "no veto" : `veto below ${thresholds.veto} under score ${thresholds.keepScore}`;
  const byLabel = thresholds.addByLabel
    ? ` (${Object.entries(thresholds.addByLabel)
        .map(([label, add]) => `${label}: ${add}`)
        .join(", ")})`
    : "";
  return `add above ${thresholds.add}${byLabel}, ${veto}`;
}

function figuresLine(figures: EvaluationFigures): string {
  return `objectives P ${figures.objectivePrecision.toFixed(2)} R ${figures.objectiveRecall.toFixed(2)}, autonomy P ${figures.autonomyPrecision.toFixed(2)} R ${figures.autonomyRecall.toFixed(2)}`;
}
