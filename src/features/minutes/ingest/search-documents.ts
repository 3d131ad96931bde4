import type { SearchDocument, SourceRef } from "../../objectives/domain/search-document";
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

/** How an answer from the minutes cites them. */
export function minutesSource(minutes: Omit<IndexableMinutes, "documentId" | "minutes" | "items">): SourceRef {
  return {
    title: minutes.title,
    publisher: minutes.publisher,
    date: minutes.meetingDate ?? minutes.storedAt.toISOString().slice(0, 10),
    ...(/^https?:/.test(minutes.url) ? { url: minutes.url } : {}),
  };
}

/** One item as a search document, cited as the minutes it comes from. */
export function minutesItemDocument(
  documentId: number,
  position: number,
  source: SourceRef,
  item: Pick<TaggedMinutesItem, "text" | "heading"> & { objective: number | null },
): SearchDocument {
  return {
    id: minutesSearchId(documentId, position),
    objective: item.objective,
    kind: "minutes",
    text: item.text,
    source,
    keywords: item.heading ? [item.heading] : [],
  };
}

/** One search document per substantial item, with its position in the document; none for a document that is not minutes. */
export function minutesSearchDocuments(minutes: IndexableMinutes): { position: number; document: SearchDocument }[] {
  if (!minutes.minutes) return [];
  const source = minutesSource(minutes);
  return minutes.items.flatMap((item, position) =>
    item.text.length < MIN_TEXT_LENGTH
      ? []
      : [
          {
            position,
            document: minutesItemDocument(minutes.documentId, position, source, {
              ...item,
              objective: item.objectives[0] ?? null,
            }),
          },
        ],
  );
}
