/**
 * Fits the decision of whether to answer (learned-answerable.ts) on the tuning half and writes its
 * weights (src/features/objectives/domain/learned-answerable.json), with both thresholds chosen by
 * leave-one-batch-out: each batch's evidence scored by the model fitted on the other batches, with
 * today's engine (tuned on every batch: not held out) and with the engine as it stood when the batch
 * was written (scripts/objectives-history.ts: held out). With --cross-validate it prints the figures of
 * each threshold instead of writing. The test half is never read.
 *
 *   npx tsx scripts/fit-answerable-model.ts [--cross-validate]
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { QuestionCategory } from "../src/features/objectives/domain/evaluation";
import { EVIDENCE_FEATURES } from "../src/features/objectives/domain/learned-answerable";
import {
  fitObjectiveModel,
  leanFirst,
  objectiveProbabilities,
} from "../src/features/objectives/domain/learned-objectives";
import shippedObjectives from "../src/features/objectives/domain/learned-objectives.json";
import type { SearchHit } from "../src/features/objectives/domain/search-document";
import {
  type Asked,
  askOf,
  askToday,
  DECISION_FILE,
  fitShippedDecision,
  foldModels,
  RESCUE_CANDIDATES,
  type Scored,
  scoreDecision,
  VETO_CANDIDATES,
} from "./answerable-model";
import { ENGINE_OF_THE_DAY, engineAt } from "./objectives-history";
import { type Figures, objectiveExamples, tuningBatches } from "./objectives-model";

const CATEGORIES: QuestionCategory[] = ["objective", "fact", "off-topic", "near-miss"];
const { values } = parseArgs({ options: { "cross-validate": { type: "boolean", default: false } } });

type Lean = <T extends { hit: SearchHit; rank: number }>(strong: T[], best: number) => T[];
const hooks = globalThis as unknown as Record<string, Lean | undefined>;

const batches = tuningBatches();
const today = askToday(batches);
const day: Asked[] = [];
for (const [name, commit] of Object.entries(ENGINE_OF_THE_DAY)) {
  const held = batches.find((batch) => batch.name === name);
  if (!held) throw new Error(`No ${name} batch`);
  const engine = await engineAt(commit);
  const assistant = engine.createObjectivesAssistant(engine.loadKnowledgeBase("knowledge")) as unknown as {
    ask(question: string): ReturnType<typeof askToday>[number]["result"];
    index: Parameters<typeof askOf>[3];
  };
  const model = fitObjectiveModel(objectiveExamples(batches.filter((batch) => batch !== held)), 0, engine.analyse);
  const probabilities = (question: string) => objectiveProbabilities(model, question, engine.analyse);
  const ask = (question: string) => {
    const leaning = probabilities(question);
    hooks.__objectivesLean = (strong, best) => leanFirst(strong, leaning, shippedObjectives.weight, best);
    try {
      return assistant.ask(question);
    } finally {
      hooks.__objectivesLean = undefined;
    }
  };
  day.push(...askOf(name, held.questions, ask, assistant.index, probabilities));
}
const folds = foldModels(
  today,
  batches.map((batch) => batch.name),
);

const declines = (figures: Figures) => figures["off-topic"].right + figures["near-miss"].right;
const answers = (figures: Figures) => figures.objective.right + figures.fact.right;
const score = (rescue: number, veto: number) => ({
  day: scoreDecision(day, folds, rescue, veto),
  today: scoreDecision(today, folds, rescue, veto),
});
const none = score(2, 0);

// Answering a declined question must cost no decline in either scoring; the most answers right wins,
// ties going to the higher (more cautious) threshold.
let rescue = 2;
let bestRescue = none;
for (const candidate of RESCUE_CANDIDATES) {
  const tried = score(candidate, 0);
  if (declines(tried.day.figures) < declines(none.day.figures)) continue;
  if (declines(tried.today.figures) < declines(none.today.figures)) continue;
  const gain = answers(tried.day.figures) + answers(tried.today.figures);
  if (gain > answers(bestRescue.day.figures) + answers(bestRescue.today.figures)) {
    rescue = candidate;
    bestRescue = tried;
  }
}
// Declining an answered question must cost the engine that ships no answer it gets right, and gain
// more right than it loses over both scorings.
let veto = 0;
let bestVeto = score(rescue, 0);
const total = (scored: ReturnType<typeof score>) =>
  answers(scored.day.figures) +
  declines(scored.day.figures) +
  answers(scored.today.figures) +
  declines(scored.today.figures);
for (const candidate of VETO_CANDIDATES) {
  const tried = score(rescue, candidate);
  if (answers(tried.today.figures) < answers(bestVeto.today.figures)) continue;
  if (total(tried) > total(bestVeto)) {
    veto = candidate;
    bestVeto = tried;
  }
}
const shipped = fitShippedDecision(today, rescue, veto);

if (values["cross-validate"]) {
  console.log("Leave-one-batch-out over the tuning half (right of objective, fact, off-topic, near-miss);");
  console.log("of the day: the sixth and later batches asked of the engine of their day (held out);");
  console.log("today: every batch asked of today's engine (tuned on all of them: not held out).");
  console.log(
    "rescue: a declined question answered at this probability or more; veto: an answered one declined below it.",
  );
  for (const candidate of RESCUE_CANDIDATES) report(`rescue ${candidate}`, score(candidate, 0));
  for (const candidate of VETO_CANDIDATES) report(`veto ${candidate}`, score(2, candidate));
  report(`chosen: rescue ${rescue}, veto ${veto}`, bestVeto);
  console.log("Shipped weights (standardised features):");
  EVIDENCE_FEATURES.forEach((feature, index) => {
    console.log(`  ${feature.padEnd(40)} ${shipped.weights[index]}`);
  });
  console.log(`  bias ${shipped.bias}`);
} else {
  writeFileSync(DECISION_FILE, `${JSON.stringify(shipped, null, 2)}\n`);
  execFileSync("npx", ["biome", "format", "--write", DECISION_FILE], { stdio: "ignore" });
  console.log(`Wrote ${DECISION_FILE}: rescue ${rescue}, veto ${veto} (--cross-validate for the figures).`);
}

function report(label: string, scored: { day: Scored; today: Scored }): void {
  console.log(label);
  for (const [name, entry] of Object.entries(scored)) {
    const cells = CATEGORIES.map((category) => `${entry.figures[category].right}/${entry.figures[category].questions}`);
    console.log(
      `  ${name.padEnd(7)} ${cells.join("  ")}   rescued ${entry.rescued.right} right ${entry.rescued.wrong} wrong, vetoed ${entry.vetoed.right} right ${entry.vetoed.wrong} wrong`,
    );
  }
}
