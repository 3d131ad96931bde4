import { createObjectiveFinder } from "./find-objective";
import type { KnowledgeBase, Objective, Passage } from "./knowledge-base";
import {
  type AnswerableModel,
  answerEvidence,
  decideAnswer,
  evidenceFrom,
  mayBeOnSubject,
  mayRescue,
} from "./learned-answerable";
import shippedDecision from "./learned-answerable.json";
import { leanFirst, type ObjectiveModel, objectiveProbabilities } from "./learned-objectives";
import shippedWeights from "./learned-objectives.json";
import { HERE_AND_NOW_WORDS, hereAndNowPhrases, offDomainWords } from "./off-domain";
import { actionTerms, definitionTerms, type NamedObjective, preferenceBonus } from "./preferences";
import { type QuestionShape, readQuestion, statesQuantity, withoutAskerRole, withoutWhereTyped } from "./question";
import {
  type DocumentKind,
  type KnownWord,
  type Lookup,
  type SearchDocument,
  type SearchHit,
  SearchIndex,
  type SourceRef,
} from "./search";
import { EVERYDAY_WORDS, GENERIC_WORDS } from "./stop-words";
import { NO_STORED_EVIDENCE, type StoredEvidence } from "./stored-documents";
import { analyse } from "./text-analysis";

export interface Answer {
  objective: number | null;
  /** 0..1: the IDF-weighted share of the question's known words the passage explains (see
   * relevance.ts), raised when the passage is what the question asks for (see preferences.ts). */
  score: number;
  text: string;
  kind: DocumentKind;
  speaker?: string;
  passageId: string;
  source: SourceRef;
}

export interface AskResult {
  question: string;
  answered: boolean;
  /** True when the first passage answers the question itself. False when it is background that does
   * not, or matches the question only loosely (below DIRECT_THRESHOLD): it is then shown as the
   * closest passage, saying the sources don't answer directly. False, too, when nothing answered. */
  direct: boolean;
  /** Best first. Answered: up to 3 relevant passages. Not answered: up to 2 weak matches, or none. */
  answers: Answer[];
}

/** The bot declined, or gave only the closest passage: a question a policy lead should see. */
export function needsAPerson(result: AskResult): boolean {
  return !result.answered || !result.direct;
}

export interface ObjectivesAssistant {
  objectives(): Objective[];
  findObjective(text: string): Objective | undefined;
  /** `stored`: what the stored documents (published minutes) hold of the question's storedTerms. */
  ask(question: string, stored?: StoredEvidence): AskResult;
  /** The analysed terms to look up in the stored documents before asking. */
  storedTerms(question: string): string[];
  /** The knowledge base's passages, in memory. */
  index: SearchIndex;
}

/** A passage must explain at least this share of the question's known words to be shown as an answer. */
export const ANSWER_THRESHOLD = 0.2;
/** Below this share the best passage is shown as the closest one: the sources don't answer directly. */
export const DIRECT_THRESHOLD = 0.4;
/** Below the answer threshold but above this, a passage may be offered as "closest, may not answer". */
export const WEAK_MATCH_THRESHOLD = 0.15;
/** A personal errand ("how do I...", "where can I...") must be matched this closely: the sources hold no procedures. */
export const PERSONAL_ANSWER_THRESHOLD = 0.7;
/**
 * The index must know at least this share of the question's words. Words no document uses mean the
 * question is about something else; the field's abbreviations and chit-chat are not counted.
 */
export const COVERAGE_THRESHOLD = 0.5;
/**
 * A question the index knows little more than half of, matched only loosely (below DIRECT_THRESHOLD),
 * is about something else ("what's a good present for a 5 year old"): it needs this coverage to be
 * offered the closest passage.
 */
export const LOOSE_MATCH_COVERAGE = 0.6;
/** A number the index knows counts as this much of a known word. */
const NUMBER_WEIGHT = 0.5;
/** A common word that says little about a topic ("stuck", "elsewhere") counts as this much of an unknown word. */
const GENERIC_WEIGHT = 0.5;
/** "next", "tomorrow": a word of the asker's own week counts as this many unknown words. */
const HERE_AND_NOW_WEIGHT = 2;
/** A personal errand counts as this many unknown words. */
const PERSONAL_WEIGHT = 1;
/** Further answers must be at least this close to the best one, so a strong answer is not padded out. */
const RELATIVE_TO_BEST = 0.5;
/** A background passage gives way to an answering one that explains at least this share of what it does. */
const BACKGROUND_GIVES_WAY = 0.75;
const MAX_ANSWERS = 3;
const MAX_WEAK_MATCHES = 2;
const CANDIDATES = 15;

const shippedModel: ObjectiveModel = shippedWeights;
const shippedAnswerable: AnswerableModel = shippedDecision;
const UNSURE = [0.25, 0.25, 0.25, 0.25];

export interface AssistantOptions {
  /** Which objective a question is about, learned from labelled questions (learned-objectives.ts); null: none. */
  model?: ObjectiveModel | null;
  /** Whether to answer, learned from retrieval's evidence (learned-answerable.ts); null: the engine's own decision. */
  answerable?: AnswerableModel | null;
}

export function createObjectivesAssistant(kb: KnowledgeBase, options: AssistantOptions = {}): ObjectivesAssistant {
  const index = new SearchIndex(passageDocuments(kb));
  const findObjective = createObjectiveFinder(kb.objectives);
  const names = objectiveNames(kb.objectives);
  const model = options.model === undefined ? shippedModel : options.model;
  const answerable = options.answerable === undefined ? shippedAnswerable : options.answerable;
  const ask = (message: string, stored: StoredEvidence = NO_STORED_EVIDENCE): AskResult => {
    const question = withoutWhereTyped(message);
    const result = { ...answerQuestion(index, names, model, answerable, question, stored), question: message };
    if (!answerable || !result.answered || answerable.veto <= 0) return result;
    const evidence = () =>
      answerEvidence(
        {
          lookup: (query, limit) => index.lookup(query, limit, undefined, stored),
          uses: (word) => index.uses(word, stored),
        },
        question,
        model ? objectiveProbabilities(model, question) : UNSURE,
      );
    return decideAnswer(answerable, result, evidence, hitAnswer).result;
  };
  return {
    objectives: () => [...kb.objectives],
    findObjective,
    ask,
    storedTerms: (question) => index.storedTerms(question),
    index,
  };
}

export function passageDocuments(kb: KnowledgeBase): SearchDocument[] {
  return kb.passages.map((passage) => passageDocument(passage, kb));
}

function passageDocument(passage: Passage, kb: KnowledgeBase): SearchDocument {
  const source = kb.sources.get(passage.source);
  if (!source) throw new Error(`passage ${passage.id} cites unknown source ${passage.source}`);
  return {
    id: passage.id,
    objective: passage.objective,
    kind: passage.kind,
    text: passage.text,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker }),
    source: {
      title: source.title,
      publisher: source.publisher,
      date: source.date,
      ...(source.url === undefined ? {} : { url: source.url }),
    },
    keywords: [...(passage.about ?? []), ...(passage.defines ?? [])],
    ...(passage.defines === undefined ? {} : { defines: passage.defines }),
    ...(passage.role === undefined ? {} : { role: passage.role }),
  };
}

interface ObjectiveName {
  objective: number;
  terms: string[];
}

/** Each objective's names (aliases, title, slug) as analysed terms, longest first. */
function objectiveNames(objectives: Objective[]): ObjectiveName[] {
  return objectives
    .flatMap((objective) =>
      [...objective.aliases, objective.title, objective.slug.replace(/-/g, " ")].map((name) => ({
        objective: objective.number,
        terms: [...new Set(analyse(name))],
      })),
    )
    .filter((name) => name.terms.length > 0)
    .sort((a, b) => b.terms.length - a.terms.length);
}

const OBJECTIVE_WORD = analyse("objective")[0] ?? "object";

/**
 * The objective a question names. "the commissioning landscape objective", "the excellent
 * relationships objective": it names one and says it is one, as "objective 2" would (explicit). A
 * question that only uses a word that names one ("partners", "localism") leans towards it. Only
 * when the longest name found belongs to one objective.
 */
function namedObjective(names: ObjectiveName[], terms: string[]): NamedObjective | undefined {
  const present = new Set(terms);
  const numbered = objectiveNumbers(terms);
  if (numbered.length > 0)
    return numbered.length === 1 ? { objective: numbered[0] as number, explicit: true } : undefined;
  const matched = names.filter((name) => name.terms.every((term) => present.has(term)));
  const longest = matched[0]?.terms.length;
  const objectives = new Set(matched.filter((name) => name.terms.length === longest).map((name) => name.objective));
  const [objective] = objectives;
  return objectives.size === 1 && objective !== undefined
    ? { objective, explicit: present.has(OBJECTIVE_WORD) }
    : undefined;
}

/** The objectives named by number ("objective 3", "the 3rd objective") among a question's terms. */
function objectiveNumbers(terms: string[]): number[] {
  return [...new Set(terms.flatMap((term) => /^objective(\d)$/.exec(term)?.[1] ?? []))].map(Number);
}

/** The one objective a question asks about by number, if it names only one. */
function numberedObjective(asked: string): number | undefined {
  const numbers = objectiveNumbers(analyse(asked));
  return numbers.length === 1 ? numbers[0] : undefined;
}

/**
 * Asked about an objective by its number, the passages filed under it are the answer, whatever else
 * the question's other words match ("objective 1 for our practice managers" is not about management
 * capabilities); when none of them matches at all, retrieval's own order stands.
 */
function onlyObjective(hits: SearchHit[], objective: number | undefined): SearchHit[] {
  if (objective === undefined) return hits;
  const filed = hits.filter((hit) => hit.document.objective === objective);
  return filed.length > 0 ? filed : hits;
}

interface Ranked {
  hit: SearchHit;
  /** Confidence plus the preference bonus: the order answers are shown in. */
  rank: number;
}

function answerQuestion(
  index: SearchIndex,
  names: ObjectiveName[],
  model: ObjectiveModel | null,
  answerable: AnswerableModel | null,
  message: string,
  stored: StoredEvidence,
): AskResult {
  const declined: AskResult = { question: message, answered: false, direct: false, answers: [] };
  const question = withoutAskerRole(message);
  const shape = readQuestion(question);
  if (shape.ownOrganisation) return declined;
  if (!shape.asksForTheLetter && offDomainWords(shape.focus ?? question, (word) => index.uses(word, stored)).length > 0)
    return declined;
  const numbered = numberedObjective(shape.focus ?? question);
  const looked = index.lookup(question, CANDIDATES, undefined, stored);
  const whole = { ...looked, hits: onlyObjective(looked.hits, numbered) };
  const hereAndNow = hereAndNowPhrases(question);
  const coverage = Math.max(
    questionCoverage(whole, shape.personal, hereAndNow),
    partCoverage(index, shape.focus, shape.personal, stored),
    partCoverage(index, shape.afterDash, shape.personal, stored),
  );
  // Declined for how much of the question the sources cover: the learned decision may still answer
  // with the closest passage, when retrieval's evidence about the subject is strong (learned-answerable.ts).
  const reconsider = (result: AskResult): AskResult => {
    if (!answerable || !mayRescue(answerable) || !mayBeOnSubject(whole)) return result;
    if (shape.personal || hereAndNow > 0) return result;
    const probabilities = model ? objectiveProbabilities(model, message) : UNSURE;
    return decideAnswer(answerable, result, () => evidenceFrom(whole, true, probabilities), hitAnswer).result;
  };
  if (coverage < COVERAGE_THRESHOLD) return reconsider(declined);

  const focused = focusedHits(index, question, shape, stored);
  const found = focused ? onlyObjective(focused, numbered) : whole.hits;
  const hits = shape.howMany ? found.filter((hit) => countsWhatIsAsked(hit.document, shape.howMany?.of)) : found;
  // What the asker already knows ("the first objective is about power, but...") names no objective asked about.
  const objective =
    (shape.focus === undefined ? undefined : namedObjective(names, analyse(shape.focus))) ??
    namedObjective(names, whole.terms);
  const best = hits[0]?.score ?? 0;
  const ranked = rank(hits, shape, objective, best);
  const loose = best < DIRECT_THRESHOLD && coverage < LOOSE_MATCH_COVERAGE;
  if (loose || best < (shape.personal ? PERSONAL_ANSWER_THRESHOLD : ANSWER_THRESHOLD)) {
    const weak = ranked.filter(({ hit }) => hit.score >= WEAK_MATCH_THRESHOLD).slice(0, MAX_WEAK_MATCHES);
    return reconsider({ ...declined, answers: weak.map(toAnswer) });
  }
  const strong = ranked.filter(({ hit }) => hit.score >= ANSWER_THRESHOLD && hit.score >= best * RELATIVE_TO_BEST);
  // Which objective the question is about, as learned from labelled questions, may choose the first
  // passage among close ones; the rest keep their order, so no passage is pushed out for it.
  const learned =
    model && model.weight > 0 && strong.length > 1
      ? leanFirst(strong, objectiveProbabilities(model, question), model.weight, best)
      : strong;
  const [first, ...rest] = backgroundGivesWay(learned);
  if (!first) return declined;
  const direct = best >= DIRECT_THRESHOLD && first.hit.document.role !== "background";
  // The closest passage alone would say little: the other passages that match come with it.
  const others = direct ? rest : ranked.filter((entry) => entry !== first && entry.hit.score >= ANSWER_THRESHOLD);
  return { question: message, answered: true, direct, answers: [first, ...others].slice(0, MAX_ANSWERS).map(toAnswer) };
}

/**
 * The share of what the question says that the index knows (see knownWeight, unknownWeight). A word
 * matched only by a fuzzy or prefix match is half known and half not; a personal errand counts
 * against the question as PERSONAL_WEIGHT unknown words, and "this month", "last week" as a word of
 * the asker's own week (HERE_AND_NOW_WEIGHT) each.
 */
function questionCoverage(lookup: Lookup, personal: boolean, hereAndNow: number): number {
  const partial = new Set(lookup.partial);
  let known = 0;
  let unknown =
    lookup.unknown.reduce((sum, word) => sum + unknownWeight(word), 0) +
    (personal ? PERSONAL_WEIGHT : 0) +
    hereAndNow * HERE_AND_NOW_WEIGHT;
  for (const word of lookup.known) {
    const weight = knownWeight(word);
    if (partial.has(word.term)) {
      known += weight / 2;
      unknown += weight / 2;
    } else known += weight;
  }
  return known <= 0 ? 0 : known / (known + unknown);
}

/**
 * In a message that gives context before it asks, how much of what it asks (its asking sentences, or
 * the question after a dash) the index knows: the context may be all about the asker's week ("three
 * emails this week from the area team") while the question is about the letter. Zero when there is no
 * such part.
 */
function partCoverage(index: SearchIndex, part: string | undefined, personal: boolean, stored: StoredEvidence): number {
  if (part === undefined) return 0;
  const lookup = index.lookup(part, CANDIDATES, undefined, stored);
  return questionCoverage(lookup, personal, hereAndNowPhrases(part));
}

/**
 * What the question asks, without its preamble: the subject of "what does X mean" alone; the
 * sentences that ask, in a message that also gives context; with words in quotes and the X of
 * "what did they say about X" weighing more.
 * Undefined when that is the whole question as it stands.
 */
function focusedHits(
  index: SearchIndex,
  question: string,
  shape: QuestionShape,
  stored: StoredEvidence,
): SearchHit[] | undefined {
  const asked =
    shape.definitionAlone && shape.definitionOf !== undefined ? shape.definitionOf : (shape.focus ?? question);
  const quoted = shape.quoted.filter((phrase) => !asked.toLowerCase().includes(phrase.toLowerCase()));
  const emphasised = new Set(
    [
      ...shape.quoted,
      ...(shape.topic === undefined ? [] : [shape.topic]),
      ...(shape.speaker === undefined ? [] : [shape.speaker]),
    ].flatMap(analyse),
  );
  if (asked === question && emphasised.size === 0) return undefined;
  const hits = index.lookup([asked, ...quoted].join(" "), CANDIDATES, emphasised, stored).hits;
  return hits.length > 0 ? hits : undefined;
}

/** "how many staff...": the passage states a number, and uses the word counted (when that is not a stop word). */
function countsWhatIsAsked(document: SearchDocument, counted: string | undefined): boolean {
  if (!statesQuantity(document.text)) return false;
  const term = counted === undefined ? undefined : analyse(counted)[0];
  return term === undefined || analyse([document.text, ...(document.keywords ?? [])].join(" ")).includes(term);
}

/**
 * How much a known word counts for a question's coverage: one, whatever it is, a name of the field
 * ("CCG", "the Board") included, since a name says the question is in the field, not that it is about
 * what the passages hold ("who pays for the CCG's solicitors in a tender dispute" is mostly unknown);
 * a number (which may only be part of a date or a time) and an everyday or generic word ("old",
 * "best") half, as when the index does not know them.
 */
function knownWeight({ term, token }: KnownWord): number {
  if (/^\d+$/.test(term)) return NUMBER_WEIGHT;
  return EVERYDAY_WORDS.has(token) || GENERIC_WORDS.has(token) ? GENERIC_WEIGHT : 1;
}

/** How much a word no document uses counts against a question (see GENERIC_WORDS, HERE_AND_NOW_WORDS). */
function unknownWeight(word: string): number {
  if (HERE_AND_NOW_WORDS.has(word)) return HERE_AND_NOW_WEIGHT;
  return GENERIC_WORDS.has(word) || EVERYDAY_WORDS.has(word) ? GENERIC_WEIGHT : 1;
}

/** Orders hits by confidence plus preference (see preferences.ts). */
function rank(hits: SearchHit[], shape: QuestionShape, objective: NamedObjective | undefined, best: number): Ranked[] {
  const subject = definitionTerms(shape);
  const action = actionTerms(shape);
  return hits
    .map((hit) => ({ hit, rank: hit.score + preferenceBonus(hit, best, { shape, subject, objective, action }) }))
    .sort((a, b) => Math.round(b.rank * 100) - Math.round(a.rank * 100) || b.hit.rawScore - a.hit.rawScore);
}

/** A background passage first gives way to the best passage that answers, if that one is close. */
function backgroundGivesWay(strong: Ranked[]): Ranked[] {
  const [first, ...rest] = strong;
  if (first?.hit.document.role !== "background") return strong;
  const answering = rest.find(
    ({ hit, rank }) => hit.document.role !== "background" && rank >= first.rank * BACKGROUND_GIVES_WAY,
  );
  return answering ? [answering, first, ...rest.filter((entry) => entry !== answering)] : strong;
}

/** A passage as shown, scored on its match alone. */
export function hitAnswer(hit: SearchHit): Answer {
  return toAnswer({ hit, rank: hit.score });
}

function toAnswer({ hit, rank }: Ranked): Answer {
  const { document } = hit;
  return {
    objective: document.objective,
    score: Math.min(1, rank),
    text: document.text,
    kind: document.kind,
    ...(document.speaker === undefined ? {} : { speaker: document.speaker }),
    passageId: document.id,
    source: document.source,
  };
}
