/**
 * A Bernoulli naive Bayes model per objective and for CCG autonomy, over the words and word pairs of
 * an agenda item (its heading and its paragraphs), fitted on the labelled tuning half of the
 * minutes corpus by scripts/fit-minutes-model.ts. It adds to the hand-written terms: an item is
 * tagged where either tags it. Phrase lists miss the many ways minutes word the same matter ("clear
 * service changes with the area team first", "expected them to appoint a single accountable
 * officer"); the model weighs every word the labelled items share.
 */
import { normaliseText } from "./tagging";

/** What the model says of one item: log-odds per label, positive where it tags. */
export interface LearnedModel {
  /** The labels in order: "1".."4" for the objectives, "autonomy". */
  labels: Record<string, LearnedLabel>;
  /** Where its log-odds decide, chosen by leave-one-document-out on the tuning half; DEFAULT_THRESHOLDS when absent. */
  thresholds?: LearnedThresholds;
}

/**
 * `add`: log-odds above which the model adds an objective or autonomy the terms missed. `veto`:
 * log-odds below which an objective the terms found only in an item's body, never in its heading,
 * is taken for a passing mention and dropped, unless the terms' score for it reaches `keepScore`
 * (null: no veto). A safeguarding report that names "partners" and "the council", or an estates
 * item that names the CSU, reads to the model like the items labelled with no objective.
 */
export interface LearnedThresholds {
  add: number;
  veto: number | null;
  keepScore: number;
}

export const DEFAULT_THRESHOLDS: LearnedThresholds = { add: 0, veto: null, keepScore: 1 };

/**
 * One label's naive Bayes, folded so that scoring only visits the features present: `base` is the
 * prior log-odds plus every feature's log-odds when absent, `weights[f]` what being present adds.
 */
export interface LearnedLabel {
  base: number;
  weights: Record<string, number>;
}

export interface LabelledExample {
  /** The item's heading and text, as `agendaText` joins them. */
  text: string;
  labels: ReadonlySet<string>;
}

/** How an agenda item is read, in fitting and in tagging alike: heading, then its paragraphs. */
export function agendaText(heading: string | null | undefined, paragraphs: readonly string[]): string {
  return `${heading ?? ""}. ${paragraphs.join(" ")}`;
}

/** Lower-case words (letters, digits, "%") and each pair of neighbouring words. */
export function features(text: string): Set<string> {
  const words = normaliseText(text)
    .toLowerCase()
    .replace(/[^a-z0-9% ]+/g, " ")
    .split(" ")
    .filter(Boolean);
  const found = new Set<string>();
  for (let index = 0; index < words.length; index++) {
    found.add(words[index] ?? "");
    if (index + 1 < words.length) found.add(`${words[index]} ${words[index + 1]}`);
  }
  return found;
}

/** Log-odds of the label given the item's features. */
export function logOdds(label: LearnedLabel, present: ReadonlySet<string>): number {
  let total = label.base;
  for (const feature of present) total += label.weights[feature] ?? 0;
  return total;
}

/** How many features each label keeps: those seen at least twice with the largest log-odds ratio. */
export const FEATURES_PER_LABEL = 500;
const MIN_COUNT = 2;
/** Additive smoothing of each feature's counts. */
const SMOOTHING = 0.5;

/** Fits one label's model on examples; `keep` limits the features kept (all when 0). */
export function fitLabel(examples: readonly LabelledExample[], label: string, keep = FEATURES_PER_LABEL): LearnedLabel {
  const total = featureCounts(examples);
  const positive = new Map<string, number>();
  let positives = 0;
  for (const example of examples) {
    if (!example.labels.has(label)) continue;
    positives++;
    for (const feature of featuresOf(example)) positive.set(feature, (positive.get(feature) ?? 0) + 1);
  }
  const negatives = examples.length - positives;
  const negative = (feature: string) => (total.get(feature) ?? 0) - (positive.get(feature) ?? 0);
  const inPositive = (feature: string) => ((positive.get(feature) ?? 0) + SMOOTHING) / (positives + 2 * SMOOTHING);
  const inNegative = (feature: string) => (negative(feature) + SMOOTHING) / (negatives + 2 * SMOOTHING);
  const ratios = new Map<string, number>();
  for (const [feature, count] of total) {
    if (count < MIN_COUNT) continue;
    ratios.set(feature, Math.abs(Math.log(inPositive(feature) / inNegative(feature))));
  }
  const ratio = (feature: string) => ratios.get(feature) ?? 0;
  const kept = [...ratios.keys()]
    .sort((a, b) => ratio(b) - ratio(a) || (a < b ? -1 : 1))
    .slice(0, keep > 0 ? keep : undefined)
    .sort();
  let base = Math.log((positives + 1) / (negatives + 1));
  const weights: Record<string, number> = {};
  for (const feature of kept) {
    const p = inPositive(feature);
    const q = inNegative(feature);
    const absent = Math.log((1 - p) / (1 - q));
    base += absent;
    weights[feature] = round(Math.log(p / q) - absent);
  }
  return { base: round(base), weights };
}

/** How many of the examples have each feature, counted once however many labels are fitted on them. */
const countCache = new WeakMap<readonly LabelledExample[], Map<string, number>>();
function featureCounts(examples: readonly LabelledExample[]): Map<string, number> {
  let counts = countCache.get(examples);
  if (!counts) {
    counts = new Map();
    for (const example of examples) {
      for (const feature of featuresOf(example)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    }
    countCache.set(examples, counts);
  }
  return counts;
}

/** Each example's features, read once however many labels are fitted on it. */
const featureCache = new WeakMap<LabelledExample, Set<string>>();
function featuresOf(example: LabelledExample): Set<string> {
  let found = featureCache.get(example);
  if (!found) {
    found = features(example.text);
    featureCache.set(example, found);
  }
  return found;
}

export function fitModel(examples: readonly LabelledExample[], labels: readonly string[]): LearnedModel {
  return { labels: Object.fromEntries(labels.map((label) => [label, fitLabel(examples, label)])) };
}

const round = (value: number) => Math.round(value * 10000) / 10000;

/** The labels the model knows: the four objectives and CCG autonomy. */
export const LEARNED_LABELS = ["1", "2", "3", "4", "autonomy"] as const;

/** 0..1 from log-odds, for the score shown beside a tag. */
export function probability(odds: number): number {
  return Math.round((1 / (1 + Math.exp(-odds))) * 1000) / 1000;
}
