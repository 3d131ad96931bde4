import { createHash } from "node:crypto";
import type { MinutesHints, MinutesItemKind } from "./parse";
import { parseMinutes } from "./parse";
import type { TaggingVocabulary } from "./tagging";
import { tagItem } from "./tagging";
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

/** Parses plain-text minutes and tags every item: the document behind `localism minutes --json`. */
export function buildMinutesDocument(
  text: string,
  hints: MinutesHints,
  vocabulary: TaggingVocabulary = defaultTaggingVocabulary,
): MinutesJson {
  const parsed = parseMinutes(text, hints);
  return {
    title: parsed.title,
    meetingDate: parsed.meetingDate,
    url: parsed.url,
    minutes: true,
    notMinutesReason: null,
    attendees: parsed.attendees,
    apologies: parsed.apologies,
    items: parsed.items.map((item) => {
      const tags = tagItem(item.heading ? `${item.heading}. ${item.text}` : item.text, vocabulary);
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
