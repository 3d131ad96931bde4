import type { SearchDocument } from "../../objectives/domain/search-document";
import type { TaggedMinutesItem } from "../domain/document";

export interface IndexableMinutes {
  documentId: number;
  title: string;
  publisher: string;
  meetingDate: string | null;
  /** When the version was stored: the citation's date when the meeting date is unknown. */
  storedAt: Date;
  url: string;
  /** False for a document that is not minutes: it is not searchable. */
  minutes: boolean;
  items: Pick<TaggedMinutesItem, "text" | "heading" | "objectives">[];
}

/** Items shorter than this ("Apologies were noted.") answer no question on their own. */
const MIN_TEXT_LENGTH = 30;

export function minutesSearchId(documentId: number, position: number): string {
  return `minutes:${documentId}:${position}`;
}

/** One search document per substantial item, cited as the minutes it comes from. */
export function minutesSearchDocuments(minutes: IndexableMinutes): SearchDocument[] {
  const source = {
    title: minutes.title,
    publisher: minutes.publisher,
    date: minutes.meetingDate ?? minutes.storedAt.toISOString().slice(0, 10),
    ...(/^https?:/.test(minutes.url) ? { url: minutes.url } : {}),
  };
  return minutes.items.flatMap((item, position) =>
    item.text.length < MIN_TEXT_LENGTH
      ? []
      : [
          {
            id: minutesSearchId(minutes.documentId, position),
            objective: item.objectives[0] ?? null,
            kind: "minutes" as const,
            text: item.text,
            source,
            keywords: item.heading ? [item.heading] : [],
          },
        ],
  );
}
