/**
 * Concerns meet the minutes: when newly stored minutes of an accountability meeting have an item
 * tagged for CCG autonomy and for the objective of an open concern, the leads get one note linking
 * the two, at most once per concern and minutes document.
 */

/** A stored minutes document as the concerns feature sees it (the minutes feature's shape, narrowed). */
export interface MinutesForConcerns {
  documentId: number;
  title: string;
  /** "2012-12-10" when the minutes give it. */
  meetingDate: string | null;
  url: string;
  items: Array<{ text: string; objectives: number[]; autonomy: boolean }>;
}

export interface OpenConcern {
  id: string;
  objective: number | "not_sure";
}

export interface MinutesMatch<C extends OpenConcern> {
  concern: C;
  minutes: MinutesForConcerns;
  /** The items that matched, in document order. */
  items: string[];
}

/** Every (open concern, minutes document) pair where an autonomy-flagged item is on the concern's objective. */
export function matchMinutes<C extends OpenConcern>(
  concerns: readonly C[],
  minutes: readonly MinutesForConcerns[],
): Array<MinutesMatch<C>> {
  return minutes.flatMap((document) =>
    concerns.flatMap((concern) => {
      const { objective } = concern;
      if (objective === "not_sure") return [];
      const items = document.items
        .filter((item) => item.autonomy && item.objectives.includes(objective))
        .map((item) => item.text);
      return items.length > 0 ? [{ concern, minutes: document, items }] : [];
    }),
  );
}
