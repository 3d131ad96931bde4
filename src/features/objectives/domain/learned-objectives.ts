/**
 * A multinomial naive Bayes model of which objective a question is about, over the words and word
 * pairs of the question as the engine reads it (normalised, abbreviations and names expanded,
 * stemmed; see text-analysis.ts), fitted on the labelled objective questions of the tuning half by
 * scripts/fit-objectives-model.ts. Hand-written names and preferences catch the wordings someone
 * thought of; the model weighs every word the labelled questions share ("micromanage", "head office",
 * "money skills"), so a new wording of an old idea still leans towards its objective.
 *
 * It chooses which of the passages retrieval found comes first (leanFirst). Whether a question is
 * answered stays with the retrieval evidence, but for one case: a question retrieval would decline
 * that a second model, of which questions are answerable at all (fitted on the same half's objective
 * and fact questions against its off-topic and near-miss ones), is sure of, and that the first is sure
 * is about one objective, is answered with that objective's closest passage, shown as the closest
 * rather than a direct answer (see answer.ts). Both thresholds are chosen by leave-one-batch-out.
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
  /** Which questions are answerable at all (objective or fact, against off-topic or near-miss). */
  scope?: ScopeModel;
  /** The scope's log-odds above which a question retrieval declines may be answered (see answer.ts); null: never. */
  rescue?: number | null;
  /** The held-out figures the weight and the rescue threshold were chosen on (scripts/fit-objectives-model.ts). */
  selection?: { weights: WeightTried[]; rescues: RescueTried[] };
}

/** A naive Bayes of answerable against declined questions, folded into a base and each feature's log-odds. */
export interface ScopeModel {
  base: number;
  weights: Record<string, number>;
}

export interface RescueTried {
  rescue: number | null;
  engineOfTheDay: HeldOutFigures;
  engineOfToday: HeldOutFigures;
}

/** The model must give the objective at least this probability for a declined question to be answered. */
export const RESCUE_PROBABILITY = 0.9;
/** The objective's closest passage must explain at least this share of the question's known words. */
export const RESCUE_MIN_SCORE = 0.1;

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
 * The weight with the most objective and fact questions right, summed over both held-out scorings,
 * among those that decline as many off-topic and near-miss questions as the engine without the model
 * (weight 0) in each; ties go to the smaller weight.
 */
export function chooseWeight(tried: readonly WeightTried[]): number {
  const without = tried.find((entry) => entry.weight === 0);
  if (!without) throw new Error("The weights tried must include 0, the engine without the model");
  let best = without;
  for (const entry of tried) {
    if (declines(entry.engineOfTheDay) < declines(without.engineOfTheDay)) continue;
    if (declines(entry.engineOfToday) < declines(without.engineOfToday)) continue;
    if (answers(entry) > answers(best) || (answers(entry) === answers(best) && entry.weight < best.weight))
      best = entry;
  }
  return best.weight;
}

const at = (figures: HeldOutFigures, index: number) => figures[index] ?? 0;
/** Off-topic and near-miss questions declined. */
const declines = (figures: HeldOutFigures) => at(figures, 2) + at(figures, 3);
/** Objective and fact questions right, over both scorings. */
const answers = ({
  engineOfTheDay,
  engineOfToday,
}: {
  engineOfTheDay: HeldOutFigures;
  engineOfToday: HeldOutFigures;
}) => at(engineOfTheDay, 0) + at(engineOfTheDay, 1) + at(engineOfToday, 0) + at(engineOfToday, 1);

/**
 * The rescue threshold with the most objective and fact questions right over both scorings, among those
 * that, and the next lower threshold tried as well, decline every off-topic and near-miss question that
 * no rescue (null) declines: a margin, since a wrong answer to a question that should be declined costs
 * more than a declined one. Ties go to the higher threshold. `tried` lists null, then thresholds high to low.
 */
export function chooseRescue(tried: readonly RescueTried[]): number | null {
  const without = tried.find((entry) => entry.rescue === null);
  if (!without) throw new Error("The rescues tried must include null, no rescue");
  const keeps = (entry: RescueTried | undefined) =>
    entry !== undefined &&
    declines(entry.engineOfTheDay) >= declines(without.engineOfTheDay) &&
    declines(entry.engineOfToday) >= declines(without.engineOfToday);
  const thresholds = tried.filter((entry) => entry.rescue !== null);
  let best = without;
  thresholds.forEach((entry, index) => {
    if (!keeps(entry) || !keeps(thresholds[index + 1])) return;
    if (answers(entry) > answers(best)) best = entry;
  });
  return best.rescue;
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

/** Fits the scope model: answerable questions (objective, fact) against the others (off-topic, near-miss). */
export function fitScopeModel(
  examples: readonly { text: string; answerable: boolean }[],
  read: Analyser = analyse,
): ScopeModel {
  const featuresOf = examples.map((example) => questionFeatures(example.text, read));
  const seen = new Map<string, number>();
  for (const features of featuresOf) for (const feature of features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  const vocabulary = [...seen.keys()].filter((feature) => (seen.get(feature) ?? 0) >= MIN_COUNT).sort();
  const kept = new Set(vocabulary);
  const positive = new Map<string, number>();
  const negative = new Map<string, number>();
  let positives = 0;
  let negatives = 0;
  let positiveTotal = 0;
  let negativeTotal = 0;
  examples.forEach((example, index) => {
    if (example.answerable) positives++;
    else negatives++;
    for (const feature of featuresOf[index] ?? []) {
      if (!kept.has(feature)) continue;
      const counts = example.answerable ? positive : negative;
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
      if (example.answerable) positiveTotal++;
      else negativeTotal++;
    }
  });
  const weights: Record<string, number> = {};
  for (const feature of vocabulary) {
    const inPositive = ((positive.get(feature) ?? 0) + SMOOTHING) / (positiveTotal + SMOOTHING * vocabulary.length);
    const inNegative = ((negative.get(feature) ?? 0) + SMOOTHING) / (negativeTotal + SMOOTHING * vocabulary.length);
    weights[feature] = round(Math.log(inPositive / inNegative));
  }
  return { base: round(Math.log((positives + 1) / (negatives + 1))), weights };
}

/** Log-odds that the question is one the knowledge base answers (objective or fact). */
export function scopeLogOdds(scope: ScopeModel, text: string, read: Analyser = analyse): number {
  let total = scope.base;
  for (const feature of questionFeatures(text, read)) total += scope.weights[feature] ?? 0;
  return total;
}

/**
 * The objective a declined question may still be answered from: the model is sure of it, and the
 * scope model is sure the question is answerable (log-odds above `rescue`). Undefined otherwise.
 */
export function rescuedObjective(model: ObjectiveModel, text: string, read: Analyser = analyse): number | undefined {
  if (model.rescue === undefined || model.rescue === null || model.scope === undefined) return undefined;
  if (scopeLogOdds(model.scope, text, read) <= model.rescue) return undefined;
  const probabilities = objectiveProbabilities(model, text, read);
  const top = Math.max(...probabilities);
  return top >= RESCUE_PROBABILITY ? probabilities.indexOf(top) + 1 : undefined;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

/** The lean chooses among this many passages, the most an answer shows: it reorders them, never changes which. */
export const LEAN_AMONG = 3;

/**
 * The passages in their order, but for the first: among the first LEAN_AMONG, the one whose rank plus
 * `weight` times the model's probability of its objective is highest, of those matching at least
 * PREFERENCE_FLOOR of what the best match does (so a poor match is never promoted). A background
 * passage (no objective) gets nothing.
 */
export function leanFirst<T extends { hit: SearchHit; rank: number }>(
  ranked: readonly T[],
  probabilities: readonly number[],
  weight: number,
  best: number,
): T[] {
  const leaned = ({ hit, rank }: T) =>
    hit.document.objective === null || hit.score < best * PREFERENCE_FLOOR
      ? rank
      : rank + weight * (probabilities[hit.document.objective - 1] ?? 0);
  let first: T | undefined;
  for (const entry of ranked.slice(0, LEAN_AMONG)) {
    if (!first || Math.round(leaned(entry) * 100) > Math.round(leaned(first) * 100)) first = entry;
  }
  return first ? [first, ...ranked.filter((entry) => entry !== first)] : [...ranked];
}
