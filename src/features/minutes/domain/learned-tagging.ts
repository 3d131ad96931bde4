/**
 * A learned model per objective and for CCG autonomy, over the words and word pairs of an agenda
 * item (its heading and its paragraphs), fitted on the labelled tuning half of the minutes corpus
 * by scripts/fit-minutes-model.ts. It adds to the hand-written terms: an item is tagged where either
 * tags it. Phrase lists miss the many ways minutes word the same matter ("clear service changes with
 * the area team first", "expected them to appoint a single accountable officer"); the model weighs
 * every word the labelled items share. The model shipped is a logistic regression (fitLogistic) that
 * also reads the heading's words apart; a naive Bayes (fitLabel) is kept to compare it with.
 */
import { normaliseText, SECOND_CUE_SCORE, TAG_THRESHOLD, type TaggingVocabulary, tagItem } from "./tagging";

/** What the model says of one item: log-odds per label, positive where it tags. */
export interface LearnedModel {
  /** The labels in order: "1".."4" for the objectives, "autonomy". */
  labels: Record<string, LearnedLabel>;
  /** Where its log-odds decide, chosen by leave-one-document-out on the tuning half; DEFAULT_THRESHOLDS when absent. */
  thresholds?: LearnedThresholds;
  /** How an item is read into features (itemFeatures); its words and word pairs alone when absent. */
  reading?: FeatureReading;
}

/**
 * `heading`: the heading's words and pairs count again as features of their own ("h:" before them),
 * so the model can weigh what a heading says apart from what the body mentions. `cues`: which
 * objectives and autonomy the hand-written terms (and the knowledge base's words for each
 * objective) find in the item, and in its heading, as features ("cue:" before them): the model
 * learns how far to trust them, and words it has never seen with a label still count through them.
 */
export interface FeatureReading {
  heading: boolean;
  cues: boolean;
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
  /** Per label ("1".."4", "autonomy"): where the model adds that label, in place of `add`. */
  addByLabel?: Record<string, number>;
  veto: number | null;
  keepScore: number;
}

export const DEFAULT_THRESHOLDS: LearnedThresholds = { add: 0, veto: null, keepScore: 1 };

/**
 * One label's model, as log-odds = `base` + the `weights` of the features present. A logistic
 * regression is fitted in that form; a naive Bayes is folded into it, `base` being the prior log-odds
 * plus every feature's log-odds when absent and `weights[f]` what being present adds.
 */
export interface LearnedLabel {
  base: number;
  weights: Record<string, number>;
}

export interface LabelledExample {
  /** The item's heading and text, as `agendaText` joins them. */
  text: string;
  labels: ReadonlySet<string>;
  /** The item's heading and paragraphs, for a reading beyond words and pairs (itemFeatures). */
  heading?: string | null;
  paragraphs?: readonly string[];
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

/**
 * An agenda item's features as a model reads it: the words and pairs of its heading and paragraphs,
 * and, as `reading` asks, its heading's again and the terms' cues.
 */
export function itemFeatures(
  heading: string | null | undefined,
  paragraphs: readonly string[],
  vocabulary: TaggingVocabulary,
  reading: FeatureReading | undefined,
): Set<string> {
  const text = agendaText(heading, paragraphs);
  const found = features(text);
  if (!reading) return found;
  if (reading.heading && heading) for (const feature of features(heading)) found.add(`h:${feature}`);
  if (reading.cues) {
    for (const [where, part] of [
      ["", text],
      [":heading", heading ?? ""],
    ] as const) {
      if (!part) continue;
      const tags = tagItem(part, vocabulary, Number.MIN_VALUE);
      for (const tag of tags.objectives) {
        found.add(`cue:${tag.objective}${where}`);
        if (where === "" && tag.score >= TAG_THRESHOLD) found.add(`cue:${tag.objective}:tagged`);
        if (where === "" && tag.score >= SECOND_CUE_SCORE) found.add(`cue:${tag.objective}:two`);
      }
      if (tags.autonomy) found.add(`cue:autonomy${where}`);
    }
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

/** How fitLogistic fits: its L2 penalty, rounds, step size, the items a feature needs, the weights kept. */
export interface LogisticOptions {
  l2: number;
  iterations: number;
  rate: number;
  minCount: number;
  keep: number;
}

export const LOGISTIC_OPTIONS: LogisticOptions = { l2: 0.003, iterations: 300, rate: 0.3, minCount: 2, keep: 1500 };

/** Each item's features, and how many items have each, prepared once for the labels fitted on them. */
export interface FeatureRows {
  names: string[];
  rows: Int32Array[];
}

export function featureRows(sets: readonly ReadonlySet<string>[], minCount: number): FeatureRows {
  const counts = new Map<string, number>();
  for (const set of sets) for (const feature of set) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const names = [...counts.keys()].filter((feature) => (counts.get(feature) ?? 0) >= minCount).sort();
  const index = new Map(names.map((name, position) => [name, position]));
  const rows = sets.map((set) => {
    const row: number[] = [];
    for (const feature of set) {
      const position = index.get(feature);
      if (position !== undefined) row.push(position);
    }
    return Int32Array.from(row.sort((a, b) => a - b));
  });
  return { names, rows };
}

/**
 * A logistic regression: log-odds = base + the weights of the features present, fitted by full-batch
 * gradient descent with per-feature step sizes (AdaGrad) on the mean log-loss plus an L2 penalty.
 * Small, deterministic and better calibrated than naive Bayes, whose features are counted as if
 * independent ("area" and "area team" twice over). Features seen in fewer than `minCount` items are
 * left out; the `keep` largest weights are kept.
 */
export function fitLogistic(
  data: FeatureRows,
  positive: readonly boolean[],
  options: LogisticOptions = LOGISTIC_OPTIONS,
): LearnedLabel {
  const { names, rows } = data;
  const n = rows.length;
  const weights = new Float64Array(names.length);
  const squares = new Float64Array(names.length);
  const gradient = new Float64Array(names.length);
  const positives = positive.filter(Boolean).length;
  let base = Math.log((positives + 0.5) / (n - positives + 0.5));
  let baseSquares = 0;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradient.fill(0);
    let baseGradient = 0;
    for (let item = 0; item < n; item++) {
      const row = rows[item] as Int32Array;
      let z = base;
      for (let k = 0; k < row.length; k++) z += weights[row[k] as number] as number;
      const error = 1 / (1 + Math.exp(-z)) - (positive[item] ? 1 : 0);
      baseGradient += error;
      for (let k = 0; k < row.length; k++) {
        const f = row[k] as number;
        gradient[f] = (gradient[f] as number) + error;
      }
    }
    baseGradient /= n;
    baseSquares += baseGradient * baseGradient;
    base -= (options.rate * baseGradient) / (Math.sqrt(baseSquares) + 1e-8);
    for (let f = 0; f < names.length; f++) {
      const g = (gradient[f] as number) / n + options.l2 * (weights[f] as number);
      if (g === 0) continue;
      const square = (squares[f] as number) + g * g;
      squares[f] = square;
      weights[f] = (weights[f] as number) - (options.rate * g) / (Math.sqrt(square) + 1e-8);
    }
  }
  const order = names
    .map((_, f) => f)
    .filter((f) => round(weights[f] as number) !== 0)
    .sort((a, b) => Math.abs(weights[b] as number) - Math.abs(weights[a] as number) || a - b)
    .slice(0, options.keep > 0 ? options.keep : undefined)
    .sort((a, b) => a - b);
  const kept: Record<string, number> = {};
  for (const f of order) kept[names[f] as string] = round(weights[f] as number);
  return { base: round(base), weights: kept };
}

/** The labels the model knows: the four objectives and CCG autonomy. */
export const LEARNED_LABELS = ["1", "2", "3", "4", "autonomy"] as const;

/** 0..1 from log-odds, for the score shown beside a tag. */
export function probability(odds: number): number {
  return Math.round((1 / (1 + Math.exp(-odds))) * 1000) / 1000;
}
