/**
 * Whether to answer, learned from the tuning half's labels: a small logistic regression over what
 * retrieval found for the question as a whole (how well its best passage matches, by how much it beats
 * the next, how much of the question the index knows, how many words it does not know that carry
 * content, whether the objectives model agrees with the best passage's objective), never over the
 * question's own words, so it reads how well the sources cover the subject rather than how the question
 * is phrased. Fitted by scripts/fit-answerable-model.ts, thresholds chosen by leave-one-batch-out.
 *
 * It can change the engine's decision in two ways only (decideAnswer):
 * - answer a question the engine declined for too little coverage, with the closest passages, shown as
 *   not answering directly, when retrieval's best passage is on the subject (it belongs to an
 *   objective, and the objectives model names the same one) and the evidence is strong (at least
 *   `rescue`). Declines made on purpose stay: office words, our own organisation's business, a
 *   personal errand, the asker's own week.
 * - decline a question the engine answered when the evidence is weak (below `veto`).
 */
import type { AskResult } from "./answer";
import { hereAndNowPhrases, offDomainWords } from "./off-domain";
import { readQuestion, withoutAskerRole } from "./question";
import type { KnownWord, Lookup } from "./search";
import type { SearchHit } from "./search-document";
import { EVERYDAY_WORDS, GENERIC_WORDS } from "./stop-words";

export const EVIDENCE_FEATURES = [
  "best match",
  "margin over the next",
  "share of words known",
  "content words unknown",
  "model on the best passage's objective",
  "model's confidence",
  "best passage is background",
] as const;

export interface AnswerableModel {
  /** Per feature, in EVIDENCE_FEATURES' order: the mean and spread it is standardised with, and its weight. */
  means: number[];
  spreads: number[];
  weights: number[];
  bias: number;
  /** A declined question is answered at or above this probability (when on the subject); > 1: never. */
  rescue: number;
  /** An answered question is declined below this probability; 0: never. */
  veto: number;
}

/** The objectives' say in a passage's objective: the objectives model's probabilities (learned-objectives.ts). */
export interface Evidence {
  features: number[];
  /** The decline was one the decision may reconsider: too little coverage, not a decline on purpose. */
  reconsiderable: boolean;
  /** Retrieval's best passage belongs to the objective the objectives model names. */
  onSubject: boolean;
  closest: SearchHit[];
}

/** What the decision needs of an index: the engine's lookup and whether it knows a word. */
export interface EvidenceIndex {
  lookup(query: string, limit?: number): Lookup;
  uses(word: string): boolean;
}

const CANDIDATES = 15;
/** The closest passages must match at least this share to be shown (answer.ts's weak matches). */
const CLOSEST_THRESHOLD = 0.15;
const MAX_CLOSEST = 2;

function contentWord(word: string): boolean {
  return !GENERIC_WORDS.has(word) && !EVERYDAY_WORDS.has(word) && !/^\d+$/.test(word);
}

/** Retrieval's evidence about the question (as asked, without who is asking), for the decision. */
export function answerEvidence(index: EvidenceIndex, message: string, probabilities: readonly number[]): Evidence {
  const question = withoutAskerRole(message);
  const shape = readQuestion(question);
  const reconsiderable =
    !shape.ownOrganisation &&
    !shape.personal &&
    hereAndNowPhrases(question) === 0 &&
    offDomainWords(shape.focus ?? question, (word) => index.uses(word)).length === 0;
  return evidenceFrom(index.lookup(question, CANDIDATES), reconsiderable, probabilities);
}

/** The evidence from the lookup of the whole question (CANDIDATES hits), as answerEvidence reads it. */
export function evidenceFrom(lookup: Lookup, reconsiderable: boolean, probabilities: readonly number[]): Evidence {
  const [first, second] = lookup.hits;
  const best = first?.score ?? 0;
  const known = lookup.known.reduce((sum, word: KnownWord) => sum + (contentWord(word.token) ? 1 : 0.5), 0);
  const unknownContent = lookup.unknown.filter(contentWord).length;
  const unknown = lookup.unknown.reduce((sum, word) => sum + (contentWord(word) ? 1 : 0.5), 0);
  const objective = first?.document.objective ?? null;
  const onObjective = objective === null ? 0 : (probabilities[objective - 1] ?? 0);
  const confidence = Math.max(0, ...probabilities);
  const named = probabilities.indexOf(confidence) + 1;
  return {
    features: [
      best,
      best - (second?.score ?? 0),
      known + unknown === 0 ? 0 : known / (known + unknown),
      Math.log1p(unknownContent),
      onObjective,
      confidence,
      first?.document.role === "background" || objective === null ? 1 : 0,
    ],
    reconsiderable,
    onSubject: mayBeOnSubject(lookup) && objective === named,
    closest: lookup.hits.filter((hit) => hit.score >= CLOSEST_THRESHOLD).slice(0, MAX_CLOSEST),
  };
}

/** Retrieval's best passage belongs to an objective and matches enough to be shown: needed to answer a decline. */
export function mayBeOnSubject(lookup: Lookup): boolean {
  const [first] = lookup.hits;
  return first !== undefined && first.document.objective !== null && first.score >= CLOSEST_THRESHOLD;
}

/** The decision may answer declined questions at all (the threshold is a probability). */
export function mayRescue(model: AnswerableModel): boolean {
  return model.rescue <= 1;
}

/** The model's probability that a question with this evidence should be answered. */
export function answerableProbability(model: AnswerableModel, features: readonly number[]): number {
  let z = model.bias;
  features.forEach((value, index) => {
    const spread = model.spreads[index] || 1;
    z += (model.weights[index] ?? 0) * ((value - (model.means[index] ?? 0)) / spread);
  });
  return 1 / (1 + Math.exp(-z));
}

export type Decision = "kept" | "rescued" | "vetoed";

/** The engine's result, or the decision's change to it (see the module's comment). */
export function decideAnswer(
  model: AnswerableModel,
  result: AskResult,
  evidence: () => Evidence,
  toAnswer: (hit: SearchHit) => AskResult["answers"][number],
): { result: AskResult; decision: Decision } {
  if (result.answered) {
    if (model.veto <= 0) return { result, decision: "kept" };
    const found = evidence();
    if (answerableProbability(model, found.features) >= model.veto) return { result, decision: "kept" };
    return {
      result: { ...result, answered: false, direct: false, answers: result.answers.slice(0, MAX_CLOSEST) },
      decision: "vetoed",
    };
  }
  if (!mayRescue(model)) return { result, decision: "kept" };
  const found = evidence();
  if (!found.reconsiderable || !found.onSubject) return { result, decision: "kept" };
  if (answerableProbability(model, found.features) < model.rescue) return { result, decision: "kept" };
  // The engine's own closest passages, in its order, when it offered them; the best must be the one judged on the subject.
  const answers = result.answers.length > 0 ? result.answers : found.closest.map(toAnswer);
  if (answers[0]?.passageId !== found.closest[0]?.document.id) return { result, decision: "kept" };
  return { result: { ...result, answered: true, direct: false, answers }, decision: "rescued" };
}

export interface AnswerableExample {
  features: number[];
  answerable: boolean;
}

const ITERATIONS = 2000;
const LEARNING_RATE = 0.5;
/** L2 penalty on the standardised weights: a few hundred questions should not fit their quirks. */
const PENALTY = 0.01;

/** Fits the regression by full-batch gradient descent from zero: the same examples give the same weights. */
export function fitAnswerable(examples: readonly AnswerableExample[], rescue: number, veto: number): AnswerableModel {
  const size = EVIDENCE_FEATURES.length;
  const count = Math.max(1, examples.length);
  const means = new Array(size).fill(0).map((_, index) => {
    return examples.reduce((sum, example) => sum + (example.features[index] ?? 0), 0) / count;
  });
  const spreads = means.map((mean, index) => {
    const variance = examples.reduce((sum, example) => sum + ((example.features[index] ?? 0) - mean) ** 2, 0) / count;
    return Math.sqrt(variance) || 1;
  });
  const rows = examples.map((example) =>
    example.features.map((value, index) => (value - (means[index] ?? 0)) / (spreads[index] ?? 1)),
  );
  const weights: number[] = new Array(size).fill(0);
  let bias = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient: number[] = new Array(size).fill(0);
    let biasGradient = 0;
    rows.forEach((row, at) => {
      let z = bias;
      for (let index = 0; index < size; index++) z += (weights[index] ?? 0) * (row[index] ?? 0);
      const error = 1 / (1 + Math.exp(-z)) - (examples[at]?.answerable ? 1 : 0);
      biasGradient += error;
      for (let index = 0; index < size; index++) gradient[index] = (gradient[index] ?? 0) + error * (row[index] ?? 0);
    });
    bias -= (LEARNING_RATE * biasGradient) / count;
    for (let index = 0; index < size; index++) {
      weights[index] =
        (weights[index] ?? 0) - LEARNING_RATE * ((gradient[index] ?? 0) / count + PENALTY * (weights[index] ?? 0));
    }
  }
  return {
    means: means.map(round),
    spreads: spreads.map(round),
    weights: weights.map(round),
    bias: round(bias),
    rescue,
    veto,
  };
}

const round = (value: number) => Math.round(value * 10000) / 10000;
