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
}

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
  const positive = new Map<string, number>();
  const negative = new Map<string, number>();
  let positives = 0;
  let negatives = 0;
  for (const example of examples) {
    const isPositive = example.labels.has(label);
    if (isPositive) positives++;
    else negatives++;
    const counts = isPositive ? positive : negative;
    for (const feature of features(example.text)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const inPositive = (feature: string) => ((positive.get(feature) ?? 0) + SMOOTHING) / (positives + 2 * SMOOTHING);
  const inNegative = (feature: string) => ((negative.get(feature) ?? 0) + SMOOTHING) / (negatives + 2 * SMOOTHING);
  const ratio = (feature: string) => Math.abs(Math.log(inPositive(feature) / inNegative(feature)));
  const kept = [...new Set([...positive.keys(), ...negative.keys()])]
    .filter((feature) => (positive.get(feature) ?? 0) + (negative.get(feature) ?? 0) >= MIN_COUNT)
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
