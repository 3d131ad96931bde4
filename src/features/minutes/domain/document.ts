import { createHash } from "node:crypto";
import { notMinutesReason } from "./genre";
import type { MinutesHints, MinutesItemKind } from "./parse";
import { parseMinutes } from "./parse";
import type { TaggingVocabulary } from "./tagging";
import { type ItemTags, SECOND_CUE_SCORE, tagItem } from "./tagging";
import { defaultTaggingVocabulary } from "./vocabulary";

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
 * framework, register of interests and work programme.
 */
const ROUTINE_PART =
  /^(?:(?:the )?chair'?s? (?:welcome|introduction)|welcome|introductions?|apologies(?: for absence)?|quorum|quoracy|(?:confirmation of )?quoracy|declarations? of (?:any )?interests?|(?:the )?register of (?:members' )?interests|(?:approval of )?(?:the )?(?:minutes|notes)(?: of (?:the )?(?:previous|last) meeting| of the meeting held on .*| and actions)?|matters arising|action (?:log|points|tracker|list)|any other business|aob|date|time|venue|(?:date|time|venue) of (?:the )?next meeting|(?:public )?questions(?: from (?:members of )?the public)?|close|(?:the )?(?:corporate |board )?risk register|board assurance framework|(?:annual )?work (?:programme|plan)|forward (?:plan|agenda)|chair'?s? actions?)$/i;

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
): MinutesJson {
  const parsed = parseMinutes(text, hints);
  const reason = notMinutesReason(text, parsed);
  return {
    title: parsed.title,
    meetingDate: parsed.meetingDate,
    url: parsed.url,
    minutes: reason === null,
    notMinutesReason: reason,
    attendees: parsed.attendees,
    apologies: parsed.apologies,
    items: parsed.items.map((item) => {
      const tags = isRoutine(item.heading)
        ? { objectives: [], autonomy: null }
        : tagAgendaParagraph(item.heading, item.text, vocabulary);
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
  const fromHeading = new Set(tagItem(heading, vocabulary, Number.MIN_VALUE).objectives.map((tag) => tag.objective));
  if (fromHeading.size === 0) return tags;
  const autonomyObjective = tags.autonomy ? 1 : null;
  return {
    ...tags,
    objectives: tags.objectives.filter(
      (tag) => fromHeading.has(tag.objective) || tag.objective === autonomyObjective || tag.score >= SECOND_CUE_SCORE,
    ),
  };
}
