/**
 * Scoring extraction against hand-written labels (the corpus in test/fixtures/minutes-corpus/):
 * meeting date, attendees, apologies, agenda items, actions, objective tags, CCG autonomy, and
 * whether a document is minutes at all. Pure: the caller reads the documents and the labels.
 */
import { z } from "zod";
import type { MinutesJson, TaggedMinutesItem } from "./document";
import { collapseWhitespace } from "./text";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const objectiveNumber = z.number().int().min(1).max(4);

const labelItemSchema = z.object({
  heading: z.string().min(1),
  text: z.string().min(1),
  kind: z.enum(["discussion", "decision", "action"]),
  objectives: z.array(objectiveNumber),
  autonomy: z.boolean(),
});

const labelActionSchema = z.object({
  text: z.string().min(1),
  owner: z.string().min(1).nullable(),
  due: isoDate.nullable(),
});

const minutesLabelSchema = z.object({
  document: z.string().min(1),
  layout: z.string().optional(),
  minutes: z.literal(true),
  meetingDate: isoDate,
  body: z.string().optional(),
  attendees: z.array(z.string().min(1)),
  apologies: z.array(z.string().min(1)),
  items: z.array(labelItemSchema),
  actions: z.array(labelActionSchema),
});

const notMinutesLabelSchema = z.object({
  document: z.string().min(1),
  layout: z.string().optional(),
  minutes: z.literal(false),
  reason: z.string().min(1),
});

export const corpusLabelSchema = z.discriminatedUnion("minutes", [minutesLabelSchema, notMinutesLabelSchema]);

export type CorpusLabel = z.infer<typeof corpusLabelSchema>;
export type MinutesLabel = z.infer<typeof minutesLabelSchema>;
export type LabelItem = z.infer<typeof labelItemSchema>;

/** What the scorer reads of an extraction: the shape `localism minutes --json` gives. */
export type Extraction = Pick<
  MinutesJson,
  "meetingDate" | "minutes" | "notMinutesReason" | "attendees" | "apologies" | "items"
>;

/** True positives, false positives and false negatives, summed over documents. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocumentScore {
  document: string;
  labelledMinutes: boolean;
  extractedMinutes: boolean;
  /** Why the extraction says the document is not minutes; null when it takes it as minutes. */
  notMinutesReason: string | null;
  /** Null for non-minutes. */
  dateCorrect: boolean | null;
  attendees: Counts;
  apologies: Counts;
  items: Counts;
  /** Matched items whose kind agrees with the label. */
  kinds: { correct: number; total: number };
  /** Actions matched on their text alone. */
  actionTexts: Counts;
  /** Actions matched on text, owner and due date. */
  actions: Counts;
  objectives: Counts;
  autonomy: Counts;
  problems: string[];
}

export interface EvaluationFigures {
  documents: number;
  /** Share of minutes documents whose meeting date is right. */
  meetingDate: number;
  attendeeF1: number;
  apologyF1: number;
  itemF1: number;
  itemKindAccuracy: number;
  /** Action F1 counting a match only when owner and due date also match. */
  actionF1: number;
  /** Action F1 on the action's text alone. */
  actionTextF1: number;
  objectivePrecision: number;
  objectiveRecall: number;
  autonomyPrecision: number;
  autonomyRecall: number;
  /** Share of documents called rightly minutes or not minutes. */
  nonMinutesRecognised: number;
  nonMinutes: { labelled: number; recognised: number; minutesCalledNonMinutes: number };
}

/** The goal on the labelled corpus: each figure at least this. */
export const EVALUATION_GOALS = {
  meetingDate: 1,
  attendeeF1: 0.95,
  apologyF1: 0.95,
  itemF1: 0.9,
  actionF1: 0.9,
  objectivePrecision: 0.9,
  objectiveRecall: 0.85,
  autonomyPrecision: 0.9,
  autonomyRecall: 0.9,
  nonMinutesRecognised: 1,
} as const satisfies Partial<Record<keyof EvaluationFigures, number>>;

export type GoalName = keyof typeof EVALUATION_GOALS;

/** The goals a set of figures misses, with the figure and the goal. */
export function missedGoals(figures: EvaluationFigures): { goal: GoalName; figure: number; target: number }[] {
  return (Object.keys(EVALUATION_GOALS) as GoalName[])
    .filter((goal) => figures[goal] + 1e-9 < EVALUATION_GOALS[goal])
    .map((goal) => ({ goal, figure: figures[goal], target: EVALUATION_GOALS[goal] }));
}

const TITLES = new Set([
  "dr",
  "doctor",
  "prof",
  "professor",
  "cllr",
  "councillor",
  "councillors",
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "sir",
  "dame",
  "lord",
  "lady",
  "rt",
  "hon",
  "right",
  "honourable",
  "the",
  "rev",
  "revd",
]);
const POST_NOMINALS = new Set(["phd", "mbchb", "mbbs", "msc", "bsc", "ma", "mba", "frcgp", "mrcgp", "frcp", "mrcp"]);

/**
 * A person's name reduced for comparison: titles ("Dr", "Cllr", "Professor Sir"), post-nominals
 * ("MRCGP", "OBE"), punctuation and case dropped. "Dr Farid Haque MRCGP" -> "farid haque".
 */
export function normalisePersonName(name: string): string {
  const words = collapseWhitespace(name.replace(/\([^)]*\)/g, " "))
    .split(" ")
    .map((word) => word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ""))
    .filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && TITLES.has(words[start]!.toLowerCase().replace(/\.$/, ""))) start++;
  let end = words.length;
  while (end - 1 > start && isPostNominal(words[end - 1]!)) end--;
  return words
    .slice(start, end)
    .map((word) => word.toLowerCase().replace(/[’']/g, "'").replace(/\./g, ""))
    .join(" ");
}

function isPostNominal(word: string): boolean {
  const bare = word.replace(/\./g, "");
  return POST_NOMINALS.has(bare.toLowerCase()) || (/^[A-Z]{2,}$/.test(bare) && bare.length <= 6);
}

/** An action owner reduced for comparison: a name as above, initials and "SB / LC" without spacing. */
export function normaliseOwner(owner: string | null): string | null {
  if (owner === null) return null;
  const parts = owner.split(/\s*[/&]\s*|\s+and\s+/).map((part) => {
    const trimmed = part.trim();
    return /^[A-Z][A-Za-z]{0,3}$/.test(trimmed) ? trimmed.toLowerCase() : normalisePersonName(trimmed);
  });
  const joined = parts.filter(Boolean).join("/");
  return joined || null;
}

function matchText(text: string): string {
  return collapseWhitespace(text)
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, "-")
    .toLowerCase();
}

/** The label's text, and the same without a leading paragraph number ("14. There was..."). */
function labelTexts(text: string): string[] {
  const whole = matchText(text);
  const unnumbered = whole.replace(/^\d{1,2}(?:\.\d{1,2})*[.)]?\s+/, "");
  return unnumbered !== whole && unnumbered ? [whole, unnumbered] : [whole];
}

/**
 * An agenda item as extracted: the run of items under one heading (its paragraphs and decisions),
 * with the actions recorded under that heading. Items without a heading stand alone.
 */
export interface ExtractedAgendaItem {
  heading: string | null;
  text: string;
  items: TaggedMinutesItem[];
  actions: TaggedMinutesItem[];
}

export function agendaItems(items: TaggedMinutesItem[]): ExtractedAgendaItem[] {
  const agenda: ExtractedAgendaItem[] = [];
  let current: ExtractedAgendaItem | null = null;
  for (const item of items) {
    if (item.kind === "action") {
      if (current && item.heading !== null && item.heading === current.heading) current.actions.push(item);
      continue;
    }
    if (current && item.heading !== null && item.heading === current.heading) {
      current.items.push(item);
      current.text += ` ${item.text}`;
      continue;
    }
    current = { heading: item.heading, text: item.text, items: [item], actions: [] };
    agenda.push(current);
  }
  return agenda;
}

function agendaKind(agenda: ExtractedAgendaItem): LabelItem["kind"] {
  if (agenda.items.some((item) => item.kind === "decision")) return "decision";
  return agenda.actions.length > 0 ? "action" : "discussion";
}

function agendaObjectives(agenda: ExtractedAgendaItem): Set<number> {
  return new Set(agenda.items.flatMap((item) => item.objectives));
}

function agendaAutonomy(agenda: ExtractedAgendaItem): boolean {
  return agenda.items.some((item) => item.autonomy);
}

/** Labelled things matched in order to extracted ones whose text contains them; returns label index -> extracted index. */
function matchInOrder<L, E>(
  labels: L[],
  extracted: E[],
  contains: (label: L, extracted: E) => boolean,
): (number | null)[] {
  const used = new Set<number>();
  let cursor = 0;
  return labels.map((label) => {
    const order = [...range(cursor, extracted.length), ...range(0, cursor)];
    const found = order.find((index) => !used.has(index) && contains(label, extracted[index] as E));
    if (found === undefined) return null;
    used.add(found);
    cursor = found + 1;
    return found;
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
}

function setCounts(labelled: string[], extracted: string[]): { counts: Counts; missed: string[]; extra: string[] } {
  const want = new Map(labelled.map((name) => [normalisePersonName(name), name]));
  const got = new Map(extracted.map((name) => [normalisePersonName(name), name]));
  const missed = [...want].filter(([key]) => !got.has(key)).map(([, name]) => name);
  const extra = [...got].filter(([key]) => !want.has(key)).map(([, name]) => name);
  return { counts: { tp: want.size - missed.length, fp: extra.length, fn: missed.length }, missed, extra };
}

const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

/**
 * The extracted agenda items a label's items are matched to, as scoring matches them: what the
 * tagging model is fitted on (scripts/fit-minutes-model.ts).
 */
export function labelledAgendaItems(
  label: MinutesLabel,
  extraction: Extraction,
): { agenda: ExtractedAgendaItem; label: LabelItem }[] {
  const agenda = agendaItems(extraction.items);
  const texts = agenda.map((entry) => matchText(`${entry.heading ?? ""} ${entry.text}`));
  const matches = matchInOrder(label.items, texts, (item, text) =>
    labelTexts(item.text).some((wanted) => text.includes(wanted)),
  );
  return label.items.flatMap((item, index) => {
    const found = matches[index];
    const entry = found === null || found === undefined ? undefined : agenda[found];
    return entry ? [{ agenda: entry, label: item }] : [];
  });
}

/** Scores one document's extraction against its label, with a line for each problem found. */
export function scoreDocument(label: CorpusLabel, extraction: Extraction): DocumentScore {
  const problems: string[] = [];
  const base = {
    document: label.document,
    labelledMinutes: label.minutes,
    extractedMinutes: extraction.minutes,
    notMinutesReason: extraction.minutes ? null : extraction.notMinutesReason,
  };
  if (!label.minutes) {
    if (extraction.minutes) problems.push(`taken as minutes; it is not (${label.reason})`);
    return {
      ...base,
      dateCorrect: null,
      attendees: ZERO,
      apologies: ZERO,
      items: ZERO,
      kinds: { correct: 0, total: 0 },
      actionTexts: ZERO,
      actions: ZERO,
      objectives: ZERO,
      autonomy: ZERO,
      problems,
    };
  }
  if (!extraction.minutes) problems.push(`called not minutes: ${extraction.notMinutesReason ?? "no reason given"}`);
  const dateCorrect = extraction.meetingDate === label.meetingDate;
  if (!dateCorrect) problems.push(`meeting date ${extraction.meetingDate ?? "not found"}, not ${label.meetingDate}`);

  const attendees = setCounts(label.attendees, extraction.attendees);
  if (attendees.missed.length) problems.push(`missed attendees: ${attendees.missed.join("; ")}`);
  if (attendees.extra.length) problems.push(`extra attendees: ${attendees.extra.join("; ")}`);
  const apologies = setCounts(label.apologies, extraction.apologies);
  if (apologies.missed.length) problems.push(`missed apologies: ${apologies.missed.join("; ")}`);
  if (apologies.extra.length) problems.push(`extra apologies: ${apologies.extra.join("; ")}`);

  const agenda = agendaItems(extraction.items);
  const agendaText = agenda.map((entry) => matchText(`${entry.heading ?? ""} ${entry.text}`));
  const itemMatches = matchInOrder(label.items, agendaText, (item, text) =>
    labelTexts(item.text).some((wanted) => text.includes(wanted)),
  );
  const matchedAgenda = new Set(itemMatches.filter((index): index is number => index !== null));
  const items: Counts = {
    tp: matchedAgenda.size,
    fp: agenda.length - matchedAgenda.size,
    fn: itemMatches.filter((index) => index === null).length,
  };
  label.items.forEach((item, index) => {
    if (itemMatches[index] === null) problems.push(`missed item "${item.heading}" ("${item.text}")`);
  });
  agenda.forEach((entry, index) => {
    if (!matchedAgenda.has(index)) problems.push(`extra item ${describeAgenda(entry)}`);
  });

  const kinds = { correct: 0, total: 0 };
  const objectives = { tp: 0, fp: 0, fn: 0 };
  const autonomy = { tp: 0, fp: 0, fn: 0 };
  label.items.forEach((item, index) => {
    const matched = itemMatches[index];
    if (matched === null || matched === undefined) return;
    const entry = agenda[matched] as ExtractedAgendaItem;
    kinds.total++;
    if (agendaKind(entry) === item.kind) kinds.correct++;
    const tagged = agendaObjectives(entry);
    const wanted = new Set(item.objectives);
    const extraObjectives = [...tagged].filter((objective) => !wanted.has(objective));
    const missedObjectives = [...wanted].filter((objective) => !tagged.has(objective));
    objectives.tp += wanted.size - missedObjectives.length;
    objectives.fp += extraObjectives.length;
    objectives.fn += missedObjectives.length;
    if (extraObjectives.length || missedObjectives.length) {
      const parts = [
        ...(missedObjectives.length ? [`missed objective ${missedObjectives.join(", ")}`] : []),
        ...(extraObjectives.length ? [`extra objective ${extraObjectives.join(", ")}`] : []),
      ];
      problems.push(`item "${item.heading}": ${parts.join("; ")}`);
    }
    const flagged = agendaAutonomy(entry);
    if (flagged && item.autonomy) autonomy.tp++;
    else if (flagged) {
      autonomy.fp++;
      problems.push(`item "${item.heading}": flagged as CCG autonomy; it is not`);
    } else if (item.autonomy) {
      autonomy.fn++;
      problems.push(`item "${item.heading}": CCG autonomy not flagged`);
    }
  });

  const extractedActions = extraction.items.filter((item) => item.kind === "action");
  const actionText = extractedActions.map((action) => matchText(action.text));
  const actionMatches = matchInOrder(label.actions, actionText, (action, text) =>
    text.includes(matchText(action.text)),
  );
  const matchedActions = actionMatches.filter((index): index is number => index !== null);
  const actionTexts: Counts = {
    tp: matchedActions.length,
    fp: extractedActions.length - matchedActions.length,
    fn: label.actions.length - matchedActions.length,
  };
  let exact = 0;
  label.actions.forEach((action, index) => {
    const matched = actionMatches[index];
    if (matched === null || matched === undefined) {
      problems.push(`missed action "${action.text}" (${action.owner ?? "no owner"}, ${action.due ?? "no date"})`);
      return;
    }
    const found = extractedActions[matched] as TaggedMinutesItem;
    const ownerRight = normaliseOwner(found.owner) === normaliseOwner(action.owner);
    const dueRight = found.due === action.due;
    if (ownerRight && dueRight) exact++;
    else
      problems.push(
        `action "${action.text}": ${[
          ...(ownerRight ? [] : [`owner ${found.owner ?? "none"}, not ${action.owner ?? "none"}`]),
          ...(dueRight ? [] : [`due ${found.due ?? "none"}, not ${action.due ?? "none"}`]),
        ].join("; ")}`,
      );
  });
  const used = new Set(matchedActions);
  extractedActions.forEach((action, index) => {
    if (!used.has(index)) problems.push(`extra action "${shorten(action.text)}" (${action.owner ?? "no owner"})`);
  });
  const actions: Counts = {
    tp: exact,
    fp: extractedActions.length - exact,
    fn: label.actions.length - exact,
  };

  return {
    ...base,
    dateCorrect,
    attendees: attendees.counts,
    apologies: apologies.counts,
    items,
    kinds,
    actionTexts,
    actions,
    objectives,
    autonomy,
    problems,
  };
}

function describeAgenda(entry: ExtractedAgendaItem): string {
  return entry.heading ? `"${shorten(entry.heading)}": "${shorten(entry.text)}"` : `"${shorten(entry.text)}"`;
}

function shorten(text: string, max = 80): string {
  const collapsed = collapseWhitespace(text);
  return collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed;
}

function sum(scores: DocumentScore[], pick: (score: DocumentScore) => Counts): Counts {
  return scores.reduce(
    (total, score) => {
      const counts = pick(score);
      return { tp: total.tp + counts.tp, fp: total.fp + counts.fp, fn: total.fn + counts.fn };
    },
    { tp: 0, fp: 0, fn: 0 },
  );
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function precision(counts: Counts): number {
  return ratio(counts.tp, counts.tp + counts.fp);
}

export function recall(counts: Counts): number {
  return ratio(counts.tp, counts.tp + counts.fn);
}

export function f1(counts: Counts): number {
  const denominator = 2 * counts.tp + counts.fp + counts.fn;
  return denominator === 0 ? 1 : (2 * counts.tp) / denominator;
}

/** Corpus figures: counts summed over documents (micro-averaged), then precision, recall and F1. */
export function summarise(scores: DocumentScore[]): EvaluationFigures {
  const minutes = scores.filter((score) => score.labelledMinutes);
  const nonMinutes = scores.filter((score) => !score.labelledMinutes);
  const recognised = nonMinutes.filter((score) => !score.extractedMinutes).length;
  const wronglyCalled = minutes.filter((score) => !score.extractedMinutes).length;
  const objectives = sum(minutes, (score) => score.objectives);
  const autonomy = sum(minutes, (score) => score.autonomy);
  const kinds = minutes.reduce(
    (total, score) => ({ correct: total.correct + score.kinds.correct, total: total.total + score.kinds.total }),
    { correct: 0, total: 0 },
  );
  return {
    documents: scores.length,
    meetingDate: ratio(minutes.filter((score) => score.dateCorrect).length, minutes.length),
    attendeeF1: f1(sum(minutes, (score) => score.attendees)),
    apologyF1: f1(sum(minutes, (score) => score.apologies)),
    itemF1: f1(sum(minutes, (score) => score.items)),
    itemKindAccuracy: ratio(kinds.correct, kinds.total),
    actionF1: f1(sum(minutes, (score) => score.actions)),
    actionTextF1: f1(sum(minutes, (score) => score.actionTexts)),
    objectivePrecision: precision(objectives),
    objectiveRecall: recall(objectives),
    autonomyPrecision: precision(autonomy),
    autonomyRecall: recall(autonomy),
    nonMinutesRecognised: ratio(recognised + minutes.length - wronglyCalled, scores.length),
    nonMinutes: { labelled: nonMinutes.length, recognised, minutesCalledNonMinutes: wronglyCalled },
  };
}
