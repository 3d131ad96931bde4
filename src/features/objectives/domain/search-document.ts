/** What the search index holds: a passage from the knowledge base or a piece of published minutes. */
export interface SourceRef {
  title: string;
  publisher: string;
  date: string;
  url?: string;
}

export type DocumentKind = "quotation" | "summary" | "minutes";

export interface SearchDocument {
  id: string;
  objective: number | null;
  kind: DocumentKind;
  text: string;
  speaker?: string;
  source: SourceRef;
  keywords?: string[];
  /** Terms the document explains (a knowledge base passage's `defines`). */
  defines?: string[];
  /** A knowledge base passage's `role`: what the letter itself says, or background. */
  role?: "letter" | "background";
}

export interface SearchHit {
  document: SearchDocument;
  /** 0..1, see relevance.ts. */
  score: number;
  /** Plain BM25+ sum, used only to break ties. */
  rawScore: number;
}
