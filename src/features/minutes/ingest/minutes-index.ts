import type { SearchIndex } from "../../objectives/domain/search";
import { type IndexableMinutes, minutesSearchDocuments } from "./search-documents";

/**
 * Keeps the objectives search index in step with stored minutes: the latest version of each
 * document is searchable, so `/objectives` and `localism ask` can answer from it with a citation.
 */
export class MinutesIndex {
  private readonly idsByDocument = new Map<number, string[]>();

  constructor(private readonly index: SearchIndex) {}

  /** Adds a document, or replaces the earlier version of it; a document that is not minutes is taken out. */
  put(minutes: IndexableMinutes): void {
    this.remove(minutes.documentId);
    if (!minutes.minutes) return;
    const documents = minutesSearchDocuments(minutes);
    this.index.add(documents);
    this.idsByDocument.set(
      minutes.documentId,
      documents.map((document) => document.id),
    );
  }

  remove(documentId: number): void {
    const ids = this.idsByDocument.get(documentId);
    if (ids) this.index.remove(ids);
    this.idsByDocument.delete(documentId);
  }
}
