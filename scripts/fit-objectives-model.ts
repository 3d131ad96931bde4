/**
 * Fits the model of which objective a question is about on the tuning half of the evaluation questions
 * and writes its weights (src/features/objectives/domain/learned-objectives.json), with the weight
 * chosen by leave-one-batch-out: each of the tuning half's batches asked with the model fitted on the
 * other batches, of today's engine and of the engine as it stood when the batch was written
 * (scripts/objectives-history.ts; today's hand-written rules were tuned on every batch, so only the
 * engine of the day shows what the model adds on questions neither had met). With --cross-validate it
 * prints those figures per batch and per weight, beside each batch's first score, before the engine was
 * tuned on it, instead of writing. The test half is never read.
 *
 *   npx tsx scripts/fit-objectives-model.ts [--cross-validate]
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { QuestionCategory } from "../src/features/objectives/domain/evaluation";
import {
  fitObjectiveModel,
  objectiveProbabilities,
  type WeightTried,
} from "../src/features/objectives/domain/learned-objectives";
import { replayHistory } from "./objectives-history";
import {
  addFigures,
  type Batch,
  type Figures,
  fitShipped,
  heldOut,
  leaveOneBatchOut,
  objectiveExamples,
  serialise,
  tuningBatches,
  WEIGHT_CANDIDATES,
  WEIGHTS_FILE,
} from "./objectives-model";

/**
 * Each later batch's first score, before the engine was changed for it (objective, fact, off-topic,
 * near-miss right), from test/fixtures/questions/README.md: the engine's real held-out history. The
 * first five batches' first scores were not recorded.
 */
const FIRST_SCORES: Record<string, [number, number, number, number]> = {
  sixth: [19, 8, 8, 12],
  seventh: [20, 7, 5, 10],
  eighth: [17, 2, 2, 2],
  ninth: [53, 24, 15, 25],
  tenth: [20, 10, 6, 8],
  eleventh: [49, 13, 12, 26],
  twelfth: [23, 9, 7, 12],
  thirteenth: [19, 6, 4, 9],
  fourteenth: [41, 21, 12, 21],
  fifteenth: [32, 14, 10, 20],
  sixteenth: [46, 21, 13, 28],
  nineteenth: [17, 9, 7, 13],
};

const CATEGORIES: QuestionCategory[] = ["objective", "fact", "off-topic", "near-miss"];

const { values } = parseArgs({ options: { "cross-validate": { type: "boolean", default: false } } });

const batches = tuningBatches();
const today = leaveOneBatchOut(batches);
const history = await replayHistory(batches);
const selection: WeightTried[] = WEIGHT_CANDIDATES.map((weight, index) => ({
  weight,
  engineOfTheDay: heldOut(addFigures(history.flatMap((result) => result.figures[index] ?? []))),
  engineOfToday: heldOut(addFigures(today.flatMap((result) => result.figures[index] ?? []))),
}));
const shipped = fitShipped(batches, selection);
if (values["cross-validate"]) report(batches, shipped.weight);
else {
  writeFileSync(WEIGHTS_FILE, serialise(shipped));
  execFileSync("npx", ["biome", "format", "--write", WEIGHTS_FILE], { stdio: "ignore" });
  const examples = objectiveExamples(batches).length;
  console.log(`Wrote ${WEIGHTS_FILE}: fitted on ${examples} objective questions of ${batches.length} tuning batches.`);
  console.log(`Weight ${shipped.weight}, chosen by leave-one-batch-out (--cross-validate for the figures).`);
}

function totalOf(results: readonly { figures: Figures[] }[], weight: number): Figures {
  const index = WEIGHT_CANDIDATES.indexOf(weight);
  return addFigures(results.flatMap((result) => result.figures[index] ?? []));
}

function report(all: readonly Batch[], chosen: number): void {
  const chosenIndex = WEIGHT_CANDIDATES.indexOf(chosen);
  console.log("Leave-one-batch-out over the tuning half (right of objective, fact, off-topic, near-miss).");
  console.log(
    "Each batch asked of today's engine (tuned on every batch: not held out) and of the engine of the day it was",
  );
  console.log("written (held out), without the model and with the model fitted on the other batches:");
  const columns = [
    "batch",
    "first score",
    "today",
    `today + model ${chosen}`,
    "of the day",
    `of the day + model ${chosen}`,
  ];
  const widths = [11, 22, 22, 22, 22, 22];
  console.log(`  ${columns.map((column, index) => column.padEnd(widths[index] ?? 0)).join(" ")}`);
  for (const result of today) {
    const first = FIRST_SCORES[result.batch];
    const sizes = result.figures[0];
    const firstText =
      first && sizes
        ? first.map((right, index) => `${right}/${sizes[CATEGORIES[index] ?? "objective"].questions}`).join(" ")
        : "-";
    const past = history.find((entry) => entry.batch === result.batch);
    const cells = [
      result.batch,
      firstText,
      short(result.figures[0]),
      short(result.figures[chosenIndex]),
      past ? short(past.figures[0]) : "-",
      past ? short(past.figures[chosenIndex]) : "-",
    ];
    console.log(`  ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(" ")}`);
  }
  console.log("Totals by weight (0: without the model):");
  for (const weight of WEIGHT_CANDIDATES) {
    console.log(
      `  ${String(weight).padEnd(5)} today: ${line(totalOf(today, weight))}\n        of the day: ${line(totalOf(history, weight))}${weight === chosen ? "   <- chosen" : ""}`,
    );
  }
  let right = 0;
  let asked = 0;
  for (const held of all) {
    const model = fitObjectiveModel(objectiveExamples(all.filter((batch) => batch !== held)), 0);
    for (const example of objectiveExamples([held])) {
      const probabilities = objectiveProbabilities(model, example.text);
      const top = probabilities.indexOf(Math.max(...probabilities)) + 1;
      asked++;
      if (example.objectives.includes(top)) right++;
    }
  }
  console.log(
    `The model alone, held out: its likeliest objective is an accepted one for ${right}/${asked} objective questions.`,
  );
}

function short(figures: Figures | undefined): string {
  if (!figures) return "-";
  return CATEGORIES.map((category) => `${figures[category].right}/${figures[category].questions}`).join(" ");
}

function line(figures: Figures): string {
  return CATEGORIES.map(
    (category) =>
      `${category} ${figures[category].right}/${figures[category].questions} (${Math.round((figures[category].right / figures[category].questions) * 100)}%)`,
  ).join(", ");
}
