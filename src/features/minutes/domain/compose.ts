import type { TaggedMinutesItem } from "./document";
import type { DigestPeriod } from "./runs";
import { periodLabel } from "./runs";
import { shortenToSentence } from "./text";

/** A new or updated minutes document with its tagged items, as stored after ingestion. */
export interface DigestDocument {
  title: string;
  url: string;
  meetingDate: string | null;
  /** True when this document was seen before and its text has changed. */
  updated: boolean;
  items: Pick<TaggedMinutesItem, "text" | "kind" | "owner" | "due" | "tags">[];
}

export interface ConcernCount {
  objective: number | null;
  count: number;
}

export interface DigestKeyPoints {
  objective: number | null;
  points: string[];
}

export interface ComposedDocument {
  title: string;
  url: string;
  meetingDate: string | null;
  updated: boolean;
  keyPoints: DigestKeyPoints[];
  actions: { text: string; owner: string | null; due: string | null }[];
}

/** A digest independent of how it is shown (Slack blocks, CLI text...). */
export interface Digest {
  periodLabel: string;
  documents: ComposedDocument[];
  concernCounts?: ConcernCount[];
  /** True when there are no documents and no concerns to report. */
  empty: boolean;
}

export const MIN_KEY_POINTS = 2;
export const MAX_KEY_POINTS = 5;
export const POINT_LENGTH = 280;

export function composeDigest(input: {
  period: Pick<DigestPeriod, "start" | "end" | "timeZone">;
  documents: DigestDocument[];
  concernCounts?: ConcernCount[];
}): Digest {
  const concernCounts = input.concernCounts
    ?.filter((c) => c.count > 0)
    .sort((a, b) => (a.objective ?? Infinity) - (b.objective ?? Infinity));
  const documents = input.documents.map(composeDocument);
  return {
    periodLabel: periodLabel(input.period),
    documents,
    ...(concernCounts ? { concernCounts } : {}),
    empty: documents.length === 0 && (concernCounts?.length ?? 0) === 0,
  };
}

function composeDocument(document: DigestDocument): ComposedDocument {
  return {
    title: document.title,
    url: document.url,
    meetingDate: document.meetingDate,
    updated: document.updated,
    keyPoints: keyPoints(document.items),
    actions: document.items
      .filter((item) => item.kind === "action")
      .map((item) => ({ text: shortenToSentence(item.text, POINT_LENGTH), owner: item.owner, due: item.due })),
  };
}

interface Candidate {
  text: string;
  objective: number | null;
  score: number;
  order: number;
  isDecision: boolean;
}

/**
 * 2 to 5 points: tagged items by best score (decisions first on ties, then document order);
 * if fewer than 2 are tagged, untagged decisions and then discussion fill up to 2. Each point
 * goes under its best objective; groups follow the order of their best point, untagged last.
 */
function keyPoints(items: DigestDocument["items"]): DigestKeyPoints[] {
  const candidates: Candidate[] = items
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => item.kind !== "action" && item.text.trim())
    .map(({ item, order }) => {
      const best = [...item.tags].sort((a, b) => b.score - a.score)[0];
      return {
        text: shortenToSentence(item.text, POINT_LENGTH),
        objective: best?.objective ?? null,
        score: best?.score ?? 0,
        order,
        isDecision: item.kind === "decision",
      };
    });
  const tagged = candidates
    .filter((c) => c.objective !== null)
    .sort(byRelevance)
    .slice(0, MAX_KEY_POINTS);
  const fillers = candidates.filter((c) => c.objective === null).sort(byRelevance);
  const chosen = [...tagged, ...fillers.slice(0, Math.max(0, MIN_KEY_POINTS - tagged.length))];
  return groupByObjective(chosen);
}

function byRelevance(a: Candidate, b: Candidate): number {
  return b.score - a.score || Number(b.isDecision) - Number(a.isDecision) || a.order - b.order;
}

function groupByObjective(points: Candidate[]): DigestKeyPoints[] {
  const groups = new Map<number | null, string[]>();
  for (const point of points) {
    const group = groups.get(point.objective) ?? [];
    if (!group.includes(point.text)) group.push(point.text);
    groups.set(point.objective, group);
  }
  const untagged = groups.get(null);
  groups.delete(null);
  const ordered = [...groups.entries()].map(([objective, texts]) => ({ objective, points: texts }));
  return untagged ? [...ordered, { objective: null, points: untagged }] : ordered;
}
