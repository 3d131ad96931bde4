import { createHash } from "node:crypto";
import { notMinutesReason } from "./genre";
import {
  DEFAULT_THRESHOLDS,
  itemFeatures,
  type LearnedModel,
  type LearnedThresholds,
  logOdds,
  probability,
} from "./learned-tagging";
import shippedWeights from "./learned-weights.json";
import type { MinutesHints, MinutesItemKind } from "./parse";
import { parseMinutes } from "./parse";
import type { TaggingVocabulary } from "./tagging";
import { type ItemTags, SECOND_CUE_SCORE, tagItem } from "./tagging";
import { defaultTaggingVocabulary } from "./vocabulary";

const shippedModel: LearnedModel = shippedWeights as LearnedModel;

/** One item as shown by `localism minutes --json` and stored for digests. */
export interface TaggedMinutesItem {
  text: string;
  kind: MinutesItemKind;
  heading: string | null;
  owner: string | null;
  due: string | null;
  /** Objectives tagged, highest score first. */
  objectives: number[];
  autonomy: boolean;
  /** The autonomy tag's score (0..1), null when not tagged. */
  autonomyScore: number | null;
  tags: { objective: number; score: number }[];
}

/** The stable JSON shape of a parsed and tagged minutes document. */
export interface MinutesJson {
  title: string;
  meetingDate: string | null;
  url: string;
  /** False for a document that is not minutes (a news story, an agenda, an announcement): stored, never put in a digest. */
  minutes: boolean;
  /** Why the document is not minutes; null for minutes. */
  notMinutesReason: string | null;
  attendees: string[];
  apologies: string[];
  items: TaggedMinutesItem[];
}

/**
 * sha256 (hex) of the text with Unicode, quotes, dashes and whitespace normalised, so that
 * re-publishing the same words with different spacing or typography does not count as a change.
 */
export function contentHash(text: string): string {
  return createHash("sha256").update(normaliseForHash(text)).digest("hex");
}

export function normaliseForHash(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Items every meeting has, and operational reports: they are about no objective whatever words
 * they use ("Apologies were received from the Director of Finance" is not about finance).
 */
const ROUTINE_HEADING =
  /^(?:welcome(?:,? introductions)?(?:,? and apologies)?|(?:welcome and )?introductions?(?: and apologies)?|apologies(?: for absence)?|declarations? of (?:any )?interests?|minutes of (?:the )?(?:previous|last) meeting.*|minutes of the meeting held on.*|(?:minutes and )?matters arising.*|action log|any other business|aob|date(?:,)? (?:and )?(?:time |venue )*of (?:the )?next meeting|(?:questions|public questions) from (?:members of )?the public|close|(?:integrated )?(?:quality(?: and| &)? )?performance report|quality report)$/i;

/**
 * The parts a heading of routine business is made of ("Welcome, apologies and quoracy", "Minutes of
 * the last meeting and action log", "Introductions and notes of the last meeting"), including the
 * governance reports a meeting notes as a matter of course: its risk register, board assurance
 * framework, register of interests, work programme and the reports of its committees ("Reports from
 * committees", "Audit committee report").
 */
const ROUTINE_PART =
  /^(?:(?:the )?chair'?s? (?:welcome|introduction)|welcome|introductions?|apologies(?: for absence)?|quorum|quoracy|(?:confirmation of )?quoracy|declarations? of (?:any )?interests?|(?:the )?register of (?:members' )?interests|(?:approval of )?(?:the )?(?:minutes|notes)(?: of (?:the )?(?:previous|last) meeting| of the meeting held on .*| and actions)?|matters arising|action (?:log|points|tracker|list)|any other business|aob|date|time|venue|(?:date|time|venue) of (?:the )?next meeting|(?:public )?questions(?: from (?:members of )?the public)?|close|(?:the )?(?:corporate |board )?risk register|board assurance framework|(?:annual )?work (?:programme|plan)|forward (?:plan|agenda)|chair'?s? actions?|(?:reports?|minutes|updates?) from (?:the )?(?:sub-)?committees|(?:[a-z]+ ){0,3}(?:sub-)?committees?'?s? (?:reports?|minutes|updates?))$/i;

function isRoutine(heading: string | undefined): boolean {
  if (heading === undefined) return false;
  const plain = heading.trim().replace(/[.:]$/, "").replace(/[’‘]/g, "'");
  if (ROUTINE_HEADING.test(plain)) return true;
  const parts = plain.split(/\s*(?:[,;:&]|\band\b)\s*/i).filter((part) => part !== "");
  return parts.length > 0 && parts.every((part) => ROUTINE_PART.test(part));
}

/**
 * Parses plain-text minutes and tags every item: the document behind `localism minutes --json`.
 * A document that turns out not to be minutes (a press release, an agenda...) is returned with
 * `minutes: false` and the reason, to be stored but never put in a digest.
 */
export function buildMinutesDocument(
  text: string,
  hints: MinutesHints,
  vocabulary: TaggingVocabulary = defaultTaggingVocabulary,
  model: LearnedModel = shippedModel,
): MinutesJson {
  return withModel(readMinutes(text, hints, vocabulary), model);
}

/** A document parsed and tagged by the terms, before the learned model weighs its items. */
export interface TermTaggedMinutes {
  parsed: ReturnType<typeof parseMinutes>;
  reason: string | null;
  termTags: ItemTags[];
  vocabulary: TaggingVocabulary;
}

/** The first half of buildMinutesDocument: parsing and the terms, the same whatever the model. */
export function readMinutes(
  text: string,
  hints: MinutesHints,
  vocabulary: TaggingVocabulary = defaultTaggingVocabulary,
): TermTaggedMinutes {
  const parsed = parseMinutes(text, hints);
  return {
    parsed,
    reason: notMinutesReason(text, parsed),
    termTags: parsed.items.map((item) =>
      isRoutine(item.heading)
        ? { objectives: [], autonomy: null }
        : tagAgendaParagraph(item.heading, item.text, vocabulary),
    ),
    vocabulary,
  };
}

/** The second half of buildMinutesDocument: the learned model weighs each item, and the JSON is made. */
export function withModel(read: TermTaggedMinutes, model: LearnedModel = shippedModel): MinutesJson {
  const { parsed, reason } = read;
  return {
    title: parsed.title,
    meetingDate: parsed.meetingDate,
    url: parsed.url,
    minutes: reason === null,
    notMinutesReason: reason,
    attendees: parsed.attendees,
    apologies: parsed.apologies,
    items: withLearnedTags(parsed.items, read.termTags, model, read.vocabulary).map(({ item, tags }) => {
      return {
        text: item.text,
        kind: item.kind,
        heading: item.heading ?? null,
        owner: item.owner,
        due: item.due,
        objectives: tags.objectives.map((tag) => tag.objective),
        autonomy: tags.autonomy !== null,
        autonomyScore: tags.autonomy?.score ?? null,
        tags: tags.objectives,
      };
    }),
  };
}

/**
 * Tags one paragraph of an agenda item, read with its heading. Where the heading names what the
 * item is about ("Finance report", "Clinical senate terms of reference"), an objective that only
 * the body mentions needs a second cue: minutes name organisations and processes in passing ("the
 * CCG had been authorised to make this kind of decision", "advice to CCGs and local authorities").
 */
function tagAgendaParagraph(heading: string | undefined, text: string, vocabulary: TaggingVocabulary): ItemTags {
  const tags = tagItem(heading ? `${heading}. ${text}` : text, vocabulary);
  if (!heading) return tags;
  const fromHeading = objectivesNamedIn(heading, vocabulary);
  if (fromHeading.size === 0) return tags;
  const autonomyObjective = tags.autonomy ? 1 : null;
  return {
    ...tags,
    objectives: tags.objectives.filter(
      (tag) => fromHeading.has(tag.objective) || tag.objective === autonomyObjective || tag.score >= SECOND_CUE_SCORE,
    ),
  };
}

/** The objectives a heading so much as mentions, weak terms included. */
function objectivesNamedIn(heading: string | undefined, vocabulary: TaggingVocabulary): Set<number> {
  if (!heading) return new Set();
  return new Set(tagItem(heading, vocabulary, Number.MIN_VALUE).objectives.map((tag) => tag.objective));
}

type ParsedItem = ReturnType<typeof parseMinutes>["items"][number];

/**
 * Weighs each agenda item, read whole (its heading and paragraphs), with the learned model
 * (learned-tagging.ts). First, an objective the terms found only in the body, never in the heading,
 * is dropped where the model reads the item as one labelled without it (log-odds below the model's
 * `veto`) and the terms' evidence is not strong (below `keepScore`): minutes name bodies and
 * processes in passing ("the CSU's charges", "partners, including the council"). Then an objective
 * or CCG autonomy that no paragraph was tagged with, and the model finds (log-odds above `add`),
 * goes on the paragraph the model finds most about it. Routine items are left alone, and autonomy
 * brings objective 1 with it, as it does for the terms.
 */
function withLearnedTags(
  items: readonly ParsedItem[],
  tagged: ItemTags[],
  model: LearnedModel,
  vocabulary: TaggingVocabulary,
): { item: ParsedItem; tags: ItemTags }[] {
  const result = items.map((item, index) => ({ item, tags: tagged[index] ?? { objectives: [], autonomy: null } }));
  const labels = Object.entries(model.labels);
  if (labels.length === 0) return result;
  const thresholds = model.thresholds ?? DEFAULT_THRESHOLDS;
  for (const group of agendaGroups(items)) {
    const heading = items[group[0] ?? 0]?.heading;
    if (isRoutine(heading)) continue;
    const paragraphs = group.filter((index) => items[index]?.kind !== "action");
    if (paragraphs.length === 0) continue;
    const whole = itemFeatures(
      heading,
      paragraphs.map((index) => items[index]?.text ?? ""),
      vocabulary,
      model.reading,
    );
    const odds = new Map(labels.map(([name, label]) => [name, logOdds(label, whole)]));
    dropPassingMentions(
      group.map((index) => result[index]).filter((entry) => entry !== undefined),
      objectivesNamedIn(heading, vocabulary),
      odds,
      thresholds,
    );
    for (const [name, label] of labels) {
      const labelOdds = odds.get(name) ?? 0;
      if (labelOdds <= (thresholds.addByLabel?.[name] ?? thresholds.add)) continue;
      const has = (index: number) => {
        const tags = result[index]?.tags;
        return name === "autonomy"
          ? tags?.autonomy != null
          : tags?.objectives.some((tag) => String(tag.objective) === name);
      };
      if (paragraphs.some(has)) continue;
      const best = maxBy(paragraphs, (index) =>
        logOdds(label, itemFeatures(heading, [items[index]?.text ?? ""], vocabulary, model.reading)),
      );
      const entry = result[best];
      if (!entry) continue;
      const score = probability(labelOdds);
      const objective = name === "autonomy" ? AUTONOMY_OBJECTIVE : Number(name);
      entry.tags = {
        autonomy: name === "autonomy" ? { score } : entry.tags.autonomy,
        objectives: entry.tags.objectives.some((tag) => tag.objective === objective)
          ? entry.tags.objectives
          : [...entry.tags.objectives, { objective, score }].sort(
              (a, b) => b.score - a.score || a.objective - b.objective,
            ),
      };
    }
  }
  return result;
}

function dropPassingMentions(
  entries: { tags: ItemTags }[],
  namedInHeading: ReadonlySet<number>,
  odds: ReadonlyMap<string, number>,
  thresholds: LearnedThresholds,
): void {
  const { veto, keepScore } = thresholds;
  if (veto === null) return;
  const fromAutonomy = entries.some((entry) => entry.tags.autonomy !== null);
  const strongest = new Map<number, number>();
  for (const entry of entries) {
    for (const tag of entry.tags.objectives) {
      strongest.set(tag.objective, Math.max(strongest.get(tag.objective) ?? 0, tag.score));
    }
  }
  const dropped = new Set(
    [...strongest]
      .filter(
        ([objective, score]) =>
          !namedInHeading.has(objective) &&
          !(objective === AUTONOMY_OBJECTIVE && fromAutonomy) &&
          score < keepScore &&
          (odds.get(String(objective)) ?? Number.POSITIVE_INFINITY) < veto,
      )
      .map(([objective]) => objective),
  );
  if (dropped.size === 0) return;
  for (const entry of entries) {
    entry.tags = { ...entry.tags, objectives: entry.tags.objectives.filter((tag) => !dropped.has(tag.objective)) };
  }
}

const AUTONOMY_OBJECTIVE = 1;

/**
 * Indexes of the items under each heading, grouped as the evaluation reads agenda items: a run under
 * one heading, or one item with none; an action under another heading starts no item of its own.
 */
function agendaGroups(items: readonly ParsedItem[]): number[][] {
  const groups: number[][] = [];
  items.forEach((item, index) => {
    const last = groups[groups.length - 1];
    const sameHeading =
      last !== undefined && item.heading !== undefined && items[last[0] ?? 0]?.heading === item.heading;
    if (sameHeading) last.push(index);
    else if (item.kind !== "action") groups.push([index]);
  });
  return groups;
}

function maxBy(indexes: number[], value: (index: number) => number): number {
  let best = indexes[0] ?? 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const index of indexes) {
    const current = value(index);
    if (current > bestValue) {
      best = index;
      bestValue = current;
    }
  }
  return best;
}
