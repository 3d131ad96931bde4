/** How many indexed documents contain each term: the basis of idf and of "is this word known?". */
export class DocumentFrequency {
  private readonly counts = new Map<string, number>();
  private readonly termsByDocument = new Map<string, ReadonlySet<string>>();

  add(documentId: string, terms: Iterable<string>): void {
    const unique = new Set(terms);
    this.termsByDocument.set(documentId, unique);
    for (const term of unique) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
  }

  remove(documentId: string): void {
    for (const term of this.termsByDocument.get(documentId) ?? []) {
      const remaining = (this.counts.get(term) ?? 1) - 1;
      if (remaining > 0) this.counts.set(term, remaining);
      else this.counts.delete(term);
    }
    this.termsByDocument.delete(documentId);
  }

  of(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  get documentCount(): number {
    return this.termsByDocument.size;
  }
}
