/** How item tags are named in storage: "objective-1" ... "objective-4" and "ccg-autonomy". */
export const AUTONOMY_TAG = "ccg-autonomy";

export function objectiveTag(objective: number): string {
  return `objective-${objective}`;
}

/** The objective number of an "objective-N" tag, or null for any other tag. */
export function objectiveOfTag(tag: string): number | null {
  const match = /^objective-(\d+)$/.exec(tag);
  return match ? Number(match[1]) : null;
}
