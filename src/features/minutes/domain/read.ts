import { buildMinutesDocument, contentHash, type MinutesJson } from "./document";
import { extractText, type FetchedDocument } from "./extract";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits, STORED_LIMITS, type StoredLimits } from "./limits";
import type { MinutesHints } from "./parse";
import type { TaggingVocabulary } from "./tagging";

/** Turns a document's text into its MinutesJson: parsing, the minutes-or-not decision and tagging. */
export type MinutesBuilder = (text: string, hints: MinutesHints, vocabulary: TaggingVocabulary) => MinutesJson;

export interface ReadRequest {
  document: FetchedDocument;
  /** The hints for parsing, without the title the text gives (a feed entry's title, its date). */
  hints: MinutesHints;
  vocabulary: TaggingVocabulary;
  limits?: DocumentLimits;
}

/** A document read within the limits, and bounded to what is stored. */
export interface ReadMinutes {
  minutes: MinutesJson;
  /** Of the full extracted text: a change in what is kept does not make a new version by itself. */
  contentHash: string;
  /** Items found before the per-document cap. */
  itemsFound: number;
  /** What else the limits left out, in words ("title cut to 300 characters"); empty when nothing was. */
  notes: string[];
}

/** Extracts, parses, tags and bounds one document: the whole of the work done on an untrusted body. */
export async function readMinutes(
  request: ReadRequest,
  build: MinutesBuilder = buildMinutesDocument,
): Promise<ReadMinutes> {
  const limits = request.limits ?? DEFAULT_DOCUMENT_LIMITS;
  const extracted = await extractText(request.document, limits);
  const title = request.hints.title ?? extracted.title;
  const built = build(extracted.text, { ...request.hints, ...(title ? { title } : {}) }, request.vocabulary);
  const bounded = boundMinutes(built);
  return {
    minutes: bounded.minutes,
    contentHash: contentHash(extracted.text),
    itemsFound: built.items.length,
    notes: [...(extracted.notes ?? []), ...bounded.notes],
  };
}

const count = (n: number) => n.toLocaleString("en-GB");

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The document as it may be stored: title, items, each item's text, all items' text and names capped. */
export function boundMinutes(
  minutes: MinutesJson,
  limits: StoredLimits = STORED_LIMITS,
): { minutes: MinutesJson; notes: string[] } {
  const notes: string[] = [];
  const title = cut(minutes.title, limits.titleChars);
  if (title !== minutes.title) notes.push(`title cut to ${count(limits.titleChars)} characters`);
  let total = 0;
  let itemsCut = 0;
  const items: MinutesJson["items"] = [];
  for (const item of minutes.items.slice(0, limits.itemsPerDocument)) {
    const text = cut(item.text, limits.charsPerItem);
    if (text !== item.text) itemsCut++;
    if (total + text.length > limits.charsPerDocument) break;
    total += text.length;
    items.push({
      ...item,
      text,
      heading: item.heading === null ? null : cut(item.heading, limits.titleChars),
      owner: item.owner === null ? null : cut(item.owner, limits.charsPerName),
      due: item.due === null ? null : cut(item.due, limits.charsPerName),
    });
  }
  if (itemsCut > 0) notes.push(`${count(itemsCut)} long item(s) cut to ${count(limits.charsPerItem)} characters`);
  const names = (list: string[]) =>
    list.slice(0, limits.namesPerDocument).map((name) => cut(name, limits.charsPerName));
  return {
    minutes: { ...minutes, title, attendees: names(minutes.attendees), apologies: names(minutes.apologies), items },
    notes,
  };
}
