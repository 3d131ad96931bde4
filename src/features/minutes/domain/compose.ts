import type { TaggedMinutesItem } from "./document";
import type { DigestPeriod } from "./runs";
import { periodLabel } from "./runs";
import { collapseWhitespace, shortenToSentence, splitSentences } from "./text";

export type DigestItem = Pick<TaggedMinutesItem, "text" | "kind" | "owner" | "due" | "tags" | "autonomy">;

/** A new or updated minutes document with its tagged items (in the minutes' order), as stored after ingestion. */
export interface DigestDocument {
  title: string;
  url: string;
  meetingDate: string | null;
  /** True when this document was seen before and its text has changed. */
  updated: boolean;
  items: DigestItem[];
}

/** What a channel asked to see: some objectives only, and/or only what touches CCG autonomy. */
export interface DigestFilter {
  /** Objective numbers; empty for all of them. */
  objectives: number[];
  autonomyOnly: boolean;
}

export const ALL_ITEMS: DigestFilter = { objectives: [], autonomyOnly: false };

export interface ConcernCount {
  objective: number | null;
  count: number;
}

export interface KeyPoint {
  text: string;
  autonomy: boolean;
}

export interface DigestKeyPoints {
  objective: number | null;
  points: KeyPoint[];
}

export interface DigestAction {
  text: string;
  owner: string | null;
  /** True when the text already names the owner, so it is not repeated after it. */
  ownerInText: boolean;
  due: string | null;
  autonomy: boolean;
}

export interface ComposedDocument {
  title: string;
  url: string;
  meetingDate: string | null;
  updated: boolean;
  keyPoints: DigestKeyPoints[];
  actions: DigestAction[];
  /** The key points and actions that touch CCG autonomy, in the minutes' order. */
  autonomy: { text: string; action: boolean }[];
}

/** An item that touches CCG autonomy, for the digest's opening section. */
export interface AutonomyPoint {
  text: string;
  /** Index into `Digest.documents`. */
  document: number;
  action: boolean;
}

/** A digest independent of how it is shown (Slack blocks, CLI text...). */
export interface Digest {
  periodLabel: string;
  documents: ComposedDocument[];
  /** What touches CCG autonomy, across the documents, in their order: shown first. */
  autonomy: AutonomyPoint[];
  concernCounts?: ConcernCount[];
  /** True when there are no documents and no concerns to report. */
  empty: boolean;
}

export const MIN_KEY_POINTS = 2;
export const MAX_KEY_POINTS = 5;
export const POINT_LENGTH = 280;

export interface ComposeOptions {
  filter?: DigestFilter;
  /** Sentences repeated in every document of a source (see `repeatedSentences`): boilerplate, never a point. */
  repeated?: ReadonlySet<string>;
}

export function composeDigest(
  input: {
    period: Pick<DigestPeriod, "start" | "end" | "timeZone">;
    documents: DigestDocument[];
    concernCounts?: ConcernCount[];
  } & ComposeOptions,
): Digest {
  const concernCounts = input.concernCounts
    ?.filter((c) => c.count > 0)
    .sort((a, b) => (a.objective ?? Infinity) - (b.objective ?? Infinity));
  const documents = input.documents.map((document) => composeDocument(document, input));
  return {
    periodLabel: periodLabel(input.period),
    documents,
    autonomy: documents.flatMap((document, index) => document.autonomy.map((point) => ({ ...point, document: index }))),
    ...(concernCounts ? { concernCounts } : {}),
    empty: documents.length === 0 && (concernCounts?.length ?? 0) === 0,
  };
}

/**
 * Whether a document has anything for a channel that narrowed its digest: a point or an action on
 * its objectives (or touching autonomy). Every document counts for a channel that did not narrow it.
 */
export function documentMatches(document: DigestDocument, options: ComposeOptions = {}): boolean {
  if (isAllItems(options.filter)) return true;
  const composed = composeDocument(document, options);
  return composed.keyPoints.length > 0 || composed.actions.length > 0;
}

export function isAllItems(filter: DigestFilter | undefined): boolean {
  return !filter || (filter.objectives.length === 0 && !filter.autonomyOnly);
}

/** Whether an item is one the channel asked for. */
export function itemMatches(item: Pick<DigestItem, "tags" | "autonomy">, filter: DigestFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.autonomyOnly && !item.autonomy) return false;
  return filter.objectives.length === 0 || item.tags.some((tag) => filter.objectives.includes(tag.objective));
}

export function composeDocument(document: DigestDocument, options: ComposeOptions = {}): ComposedDocument {
  const repeated = options.repeated ?? new Set<string>();
  const items = document.items
    .map((item, order) => ({ item, order, text: withoutBoilerplate(item.text, repeated) }))
    .filter(({ item, text }) => text && itemMatches(item, options.filter));
  const points = keyPoints(
    items.filter(({ item }) => item.kind !== "action"),
    options.filter,
  );
  const actions = items
    .filter(({ item }) => item.kind === "action")
    .map(({ item, text, order }) => ({
      ...actionText(text, item.owner),
      due: item.due,
      autonomy: item.autonomy,
      order,
    }));
  const autonomy = [
    ...points
      .filter((point) => point.autonomy)
      .map((point) => ({ text: point.text, action: false, order: point.order })),
    ...actions
      .filter((action) => action.autonomy)
      .map((action) => ({ text: action.text, action: true, order: action.order })),
  ].sort((a, b) => a.order - b.order);
  return {
    title: document.title,
    url: document.url,
    meetingDate: document.meetingDate,
    updated: document.updated,
    keyPoints: groupByObjective(points),
    actions: actions.map(({ order: _order, ...action }) => action),
    autonomy: autonomy.map(({ text, action }) => ({ text, action })),
  };
}

interface Candidate {
  text: string;
  objective: number | null;
  score: number;
  order: number;
  isDecision: boolean;
  autonomy: boolean;
}

/**
 * 2 to 5 points: what touches CCG autonomy first, then tagged items by best score (decisions first on
 * ties, then document order); if fewer than 2, untagged decisions and then discussion fill up to 2.
 * Each point goes under its best objective (of those the channel asked for); the objectives follow
 * their numbers, untagged last, and the points under each follow the minutes' order.
 */
function keyPoints(items: { item: DigestItem; order: number; text: string }[], filter?: DigestFilter): Candidate[] {
  const candidates: Candidate[] = items.map(({ item, order, text }) => {
    const tags = filter?.objectives.length
      ? item.tags.filter((tag) => filter.objectives.includes(tag.objective))
      : item.tags;
    const best = [...tags].sort((a, b) => b.score - a.score)[0];
    return {
      text: shortenToSentence(text, POINT_LENGTH),
      objective: best?.objective ?? null,
      score: best?.score ?? 0,
      order,
      isDecision: item.kind === "decision",
      autonomy: item.autonomy,
    };
  });
  const relevant = candidates
    .filter((c) => c.objective !== null || c.autonomy)
    .sort(byRelevance)
    .slice(0, MAX_KEY_POINTS);
  const fillers = candidates.filter((c) => c.objective === null && !c.autonomy).sort(byRelevance);
  return [...relevant, ...fillers.slice(0, Math.max(0, MIN_KEY_POINTS - relevant.length))];
}

function byRelevance(a: Candidate, b: Candidate): number {
  return (
    Number(b.autonomy) - Number(a.autonomy) ||
    b.score - a.score ||
    Number(b.isDecision) - Number(a.isDecision) ||
    a.order - b.order
  );
}

function groupByObjective(points: Candidate[]): DigestKeyPoints[] {
  const groups = new Map<number | null, Candidate[]>();
  for (const point of [...points].sort((a, b) => a.order - b.order)) {
    const group = groups.get(point.objective) ?? [];
    if (!group.some((other) => other.text === point.text)) group.push(point);
    groups.set(point.objective, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([objective, group]) => ({
      objective,
      points: group.map((point) => ({ text: point.text, autonomy: point.autonomy })),
    }));
}

const HONORIFICS = /^(?:dr|mr|mrs|ms|miss|mx|prof(?:essor)?|dame|sir|cllr|councillor|rt hon|the)\.?\s+/i;

/**
 * An action's text with its owner said once: a trailing "(Owner)" or "– Owner" naming the owner is
 * dropped (the owner is shown after the text instead), and an owner the text already names
 * ("Tom Okafor to write to ...") is not repeated.
 */
export function actionText(text: string, owner: string | null): Pick<DigestAction, "text" | "owner" | "ownerInText"> {
  const shortened = shortenToSentence(text, POINT_LENGTH);
  if (!owner) return { text: shortened, owner: null, ownerInText: false };
  const names = ownerNames(owner);
  const trailing = /\s*(?:\(([^()]+)\)|[–—-]\s+([^–—-]+?))\s*\.?$/.exec(shortened);
  const trailingName = trailing ? normaliseName(trailing[1] ?? trailing[2] ?? "") : "";
  if (trailing && trailingName && names.some((name) => name === trailingName || trailingName.startsWith(name))) {
    return { text: shortened.slice(0, trailing.index).trimEnd(), owner, ownerInText: false };
  }
  const lower = normaliseName(shortened);
  const named = names.some((name) => name.length >= 3 && new RegExp(`(^|\\W)${escapeRegExp(name)}(\\W|$)`).test(lower));
  return { text: shortened, owner, ownerInText: named };
}

/** "Dr Amina Hussain" -> ["dr amina hussain", "amina hussain"]; "Chief Executive, NHS CB" -> [..., "chief executive"]. */
function ownerNames(owner: string): string[] {
  const full = normaliseName(owner);
  const bare = full.replace(HONORIFICS, "");
  const role = full.split(",")[0]?.trim() ?? full;
  return [...new Set([full, bare, role].filter(Boolean))];
}

function normaliseName(text: string): string {
  return collapseWhitespace(text).toLowerCase().replace(/[.]+$/, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ------------------------------------------------------------------------------------------------
// Boilerplate: a document's notices about itself, copyright and footer lines, and sentences every
// document of a source repeats. They are never a key point.
// ------------------------------------------------------------------------------------------------

const BOILERPLATE: RegExp[] = [
  // "This is a sample document served by ...", "This document is uncontrolled when printed."
  /^this is an? (?:sample|example|test|specimen|illustrative|fictional|dummy) (?:document|page|file|publication|feed|record|set of minutes|minutes)\b/i,
  /^this (?:document|page|publication|file) (?:is|has been|contains|may|should|must|was (?:produced|generated|prepared|created|written))\b/i,
  // "The CCG, the people and the decisions are invented."
  /\b(?:are|is|were|was|been) (?:invented|fictional|fictitious|imaginary)\b/i,
  /\b(?:sandbox example|sample document|example document|test document|not a real (?:publication|document|meeting))\b/i,
  // Copyright, licences and page furniture.
  /©|\bcrown copyright\b|\bcopyright (?:\d{4}|\(c\))|\ball rights reserved\b|\bopen government licen[cs]e\b/i,
  /^page \d+(?: of \d+)?$/i,
  /^(?:printed|generated) on \d/i,
];

/** Whether a sentence is boilerplate by its wording (a notice about the document, a footer line). */
export function isBoilerplate(sentence: string): boolean {
  const text = collapseWhitespace(sentence);
  return BOILERPLATE.some((pattern) => pattern.test(text));
}

/** The key a sentence is compared by across documents. */
export function sentenceKey(sentence: string): string {
  return collapseWhitespace(sentence)
    .toLowerCase()
    .replace(/[.;:!?]+$/, "");
}

/** An item's text without its boilerplate sentences; empty when nothing else is left. */
export function withoutBoilerplate(text: string, repeated: ReadonlySet<string> = new Set()): string {
  const sentences = splitSentences(collapseWhitespace(text));
  const kept = sentences.filter((sentence) => !isBoilerplate(sentence) && !repeated.has(sentenceKey(sentence)));
  return kept.length === sentences.length ? text : kept.join(" ");
}

/**
 * Sentences that appear in every document of a source that has at least two: a template's notices
 * and footers ("This document is uncontrolled when printed.") rather than anything said at a meeting.
 * `documents` are grouped by source; documents with no source (one-off files) are left out.
 */
export function repeatedSentences(documentsBySource: Iterable<DigestItem[][]>): Set<string> {
  const repeated = new Set<string>();
  for (const documents of documentsBySource) {
    if (documents.length < 2) continue;
    const perDocument = documents.map(
      (items) =>
        new Set(
          items.flatMap((item) => splitSentences(collapseWhitespace(item.text)).map(sentenceKey)).filter(Boolean),
        ),
    );
    const [first, ...rest] = perDocument;
    const shared = [...(first ?? [])].filter((key) => rest.every((set) => set.has(key)));
    // Most of a document shared: the same minutes published twice, not a template's boilerplate.
    if (perDocument.some((set) => shared.length > set.size * MAX_SHARED_SHARE)) continue;
    for (const key of shared) repeated.add(key);
  }
  return repeated;
}

/** Boilerplate is a small part of each document; past this share, documents are copies of each other. */
const MAX_SHARED_SHARE = 0.5;
