/**
 * A multinomial naive Bayes model of which objective a question is about, over the words and word
 * pairs of the question as the engine reads it (normalised, abbreviations and names expanded,
 * stemmed; see text-analysis.ts), fitted on the labelled objective questions of the tuning half by
 * scripts/fit-objectives-model.ts. Hand-written names and preferences catch the wordings someone
 * thought of; the model weighs every word the labelled questions share ("micromanage", "head office",
 * "money skills"), so a new wording of an old idea still leans towards its objective.
 *
 * It only chooses which of the passages retrieval found comes first (leanFirst): whether a question is
 * answered at all, and which passages are shown, stay with the retrieval evidence.
 */
import { PREFERENCE_FLOOR } from "./preferences";
import type { SearchHit } from "./search-document";
import { analyse } from "./text-analysis";

export const OBJECTIVE_LABELS = ["1", "2", "3", "4"] as const;

export interface ObjectiveModel {
  /** Log prior per objective, in OBJECTIVE_LABELS' order. */
  priors: number[];
  /** Per feature, log P(feature | objective) in OBJECTIVE_LABELS' order. Features outside are ignored. */
  weights: Record<string, number[]>;
  /** How much a passage's rank rises with the model's probability of its objective (see answer.ts);
   * chosen by leave-one-batch-out on the tuning half. */
  weight: number;
  /** The held-out figures the weight was chosen on (scripts/fit-objectives-model.ts), per weight tried. */
  selection?: WeightTried[];
}

/** Right of objective, fact, off-topic and near-miss questions (in that order), held out. */
export type HeldOutFigures = number[];

export interface WeightTried {
  weight: number;
  /** Each later batch asked of the engine of its day, with the model fitted on the other batches. */
  engineOfTheDay: HeldOutFigures;
  /** Each batch asked of today's engine (tuned on all of them), with the model fitted on the other batches. */
  engineOfToday: HeldOutFigures;
}

/**
 * Among the weights that decline as many off-topic and near-miss questions as the engine without
 * the model (weight 0) in each held-out scoring, the smallest whose objective and fact questions
 * right, summed over both scorings, come within one of the most any of them gets: one question
 * either way is noise, and a larger weight leans harder on the model everywhere.
 */
export function chooseWeight(tried: readonly WeightTried[]): number {
  const without = tried.find((entry) => entry.weight === 0);
  if (!without) throw new Error("The weights tried must include 0, the engine without the model");
  const [objective, fact, offTopic, nearMiss] = [0, 1, 2, 3];
  const at = (figures: HeldOutFigures, index: number) => figures[index] ?? 0;
  const declines = (figures: HeldOutFigures) => at(figures, offTopic) + at(figures, nearMiss);
  const answers = ({ engineOfTheDay, engineOfToday }: WeightTried) =>
    at(engineOfTheDay, objective) + at(engineOfTheDay, fact) + at(engineOfToday, objective) + at(engineOfToday, fact);
  const eligible = tried.filter(
    (entry) =>
      declines(entry.engineOfTheDay) >= declines(without.engineOfTheDay) &&
      declines(entry.engineOfToday) >= declines(without.engineOfToday),
  );
  const most = Math.max(...eligible.map(answers));
  return Math.min(...eligible.filter((entry) => answers(entry) >= most - 1).map((entry) => entry.weight));
}

export interface ObjectiveExample {
  text: string;
  /** The accepted objectives, 1..4. */
  objectives: readonly number[];
}

/** How a question's words are read into terms: the engine's own analysis, unless told otherwise. */
export type Analyser = (text: string) => string[];

/** The analysed terms of a question and each pair of neighbouring terms. */
export function questionFeatures(text: string, read: Analyser = analyse): Set<string> {
  const terms = read(text);
  const found = new Set<string>();
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index] ?? "";
    found.add(term);
    const next = terms[index + 1];
    if (next !== undefined) found.add(`${term} ${next}`);
  }
  return found;
}

/** Features seen in fewer examples than this are left out: one question's quirks say nothing general. */
const MIN_COUNT = 2;
/** Additive smoothing of each feature's counts. */
const SMOOTHING = 0.5;

/**
 * Fits the model: each example counts once towards each of its objectives, each of its features once.
 * `weight` is stored with the weights, for the answerer.
 */
export function fitObjectiveModel(
  examples: readonly ObjectiveExample[],
  weight: number,
  read: Analyser = analyse,
): ObjectiveModel {
  const classes = OBJECTIVE_LABELS.length;
  const featuresOf = examples.map((example) => questionFeatures(example.text, read));
  const seen = new Map<string, number>();
  for (const features of featuresOf) for (const feature of features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  const vocabulary = [...seen.keys()].filter((feature) => (seen.get(feature) ?? 0) >= MIN_COUNT).sort();
  const kept = new Set(vocabulary);
  const counts = new Map<string, number[]>(vocabulary.map((feature) => [feature, new Array(classes).fill(0)]));
  const totals: number[] = new Array(classes).fill(0);
  const documents: number[] = new Array(classes).fill(0);
  examples.forEach((example, index) => {
    for (const objective of example.objectives) {
      const label = objective - 1;
      if (label < 0 || label >= classes) continue;
      documents[label] = (documents[label] ?? 0) + 1;
      for (const feature of featuresOf[index] ?? []) {
        if (!kept.has(feature)) continue;
        const row = counts.get(feature);
        if (row) row[label] = (row[label] ?? 0) + 1;
        totals[label] = (totals[label] ?? 0) + 1;
      }
    }
  });
  const allDocuments = documents.reduce((sum, count) => sum + count, 0);
  const priors = documents.map((count) => round(Math.log((count + 1) / (allDocuments + classes))));
  const weights: Record<string, number[]> = {};
  for (const feature of vocabulary) {
    const row = counts.get(feature) ?? [];
    weights[feature] = row.map((count, label) =>
      round(Math.log((count + SMOOTHING) / ((totals[label] ?? 0) + SMOOTHING * vocabulary.length))),
    );
  }
  return { priors, weights, weight };
}

/** The probability of each objective (OBJECTIVE_LABELS' order) given the question; even when it knows none of its words. */
export function objectiveProbabilities(model: ObjectiveModel, text: string, read: Analyser = analyse): number[] {
  const scores = [...model.priors];
  let known = 0;
  for (const feature of questionFeatures(text, read)) {
    const row = model.weights[feature];
    if (!row) continue;
    known++;
    for (let label = 0; label < scores.length; label++) scores[label] = (scores[label] ?? 0) + (row[label] ?? 0);
  }
  if (known === 0) return scores.map(() => 1 / scores.length);
  const top = Math.max(...scores);
  const exponentials = scores.map((score) => Math.exp(score - top));
  const sum = exponentials.reduce((total, value) => total + value, 0);
  return exponentials.map((value) => value / sum);
}

const round = (value: number) => Math.round(value * 10000) / 10000;

/** The lean chooses among this many passages, the most an answer shows: it reorders them, never changes which. */
export const LEAN_AMONG = 3;

/**
 * The passages in their order, but for the first: among the first LEAN_AMONG, the one whose rank plus
 * `weight` times the model's probability of its objective is highest, of those matching at least
 * PREFERENCE_FLOOR of what the best match does (so a poor match is never promoted). Only a passage of
 * the objective the model finds likeliest gains: the others' probabilities say the question is less
 * likely about them, so they gain nothing, as a background passage (no objective) does.
 */
export function leanFirst<T extends { hit: SearchHit; rank: number }>(
  ranked: readonly T[],
  probabilities: readonly number[],
  weight: number,
  best: number,
): T[] {
  const likeliest = probabilities.indexOf(Math.max(...probabilities)) + 1;
  const leaned = ({ hit, rank }: T) =>
    hit.document.objective !== likeliest || hit.score < best * PREFERENCE_FLOOR
      ? rank
      : rank + weight * (probabilities[hit.document.objective - 1] ?? 0);
  let first: T | undefined;
  for (const entry of ranked.slice(0, LEAN_AMONG)) {
    if (!first || Math.round(leaned(entry) * 100) > Math.round(leaned(first) * 100)) first = entry;
  }
  return first ? [first, ...ranked.filter((entry) => entry !== first)] : [...ranked];
}
