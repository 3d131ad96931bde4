import SearchableMap from "minisearch/SearchableMap";

const MIN_SWAPPED_LENGTH = 4;

export interface Correction {
  word: string;
  distance: number;
}

/**
 * The words (before stemming) that indexed documents use, so a typo can be corrected to a real word
 * before stemming: "capabilty" stems to "capabilti", far from "capabl", but is one edit from
 * "capability". Counts are per document, so removing a document forgets words only it used.
 */
export class SurfaceVocabulary {
  private readonly documentCounts = new SearchableMap<number>();

  add(words: Iterable<string>): void {
    for (const word of new Set(words)) this.documentCounts.update(word, (count = 0) => count + 1);
  }

  remove(words: Iterable<string>): void {
    for (const word of new Set(words)) {
      const remaining = (this.documentCounts.get(word) ?? 1) - 1;
      if (remaining > 0) this.documentCounts.set(word, remaining);
      else this.documentCounts.delete(word);
    }
  }

  has(word: string): boolean {
    return this.documentCounts.has(word);
  }

  /** The nearest known word within 1 edit (6-8 letters) or 2 edits (9+), the commonest on a tie; or, from
   * 4 letters, the known word with two neighbouring letters swapped ("pwoer", "buget"), one slip of the
   * fingers. Other short words are left alone: one edit turns too many of them into other words ("print",
   * "point"). */
  closest(word: string): Correction | undefined {
    const swapped = this.swapped(word);
    if (swapped) return { word: swapped, distance: 1 };
    const maxDistance = word.length >= 9 ? 2 : word.length >= 6 ? 1 : 0;
    if (maxDistance === 0) return undefined;
    let best: (Correction & { count: number }) | undefined;
    for (const [candidate, [count, distance]] of this.documentCounts.fuzzyGet(word, maxDistance)) {
      if (distance === 0) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { word: candidate, distance, count };
      }
    }
    return best && { word: best.word, distance: best.distance };
  }

  private swapped(word: string): string | undefined {
    if (word.length < MIN_SWAPPED_LENGTH) return undefined;
    let best: { word: string; count: number } | undefined;
    for (let index = 0; index + 1 < word.length; index += 1) {
      if (word[index] === word[index + 1]) continue;
      const candidate = word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2);
      const count = this.documentCounts.get(candidate);
      if (count !== undefined && (!best || count > best.count)) best = { word: candidate, count };
    }
    return best?.word;
  }
}
