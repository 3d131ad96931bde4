/**
 * The check-in after a concern is resolved: two questions, asked once of each named or confidential
 * reporter and supporter (by direct message), and of an anonymous reporter through their receipt
 * code. Answers are stored with only the workspace and the quarter the concern was raised in, so
 * they are counted in that quarter's report and never tied to a person or to the concern.
 */
export const CLEAR_ANSWERS = ["yes", "partly", "no"] as const;
export type ClearAnswer = (typeof CLEAR_ANSWERS)[number];

export const AGAIN_ANSWERS = ["yes", "unsure", "no"] as const;
export type AgainAnswer = (typeof AGAIN_ANSWERS)[number];

export const CLEAR_QUESTION = "Was the response to your concern clear?";
export const AGAIN_QUESTION = "Would you raise a concern again?";

export const CLEAR_LABELS: Record<ClearAnswer, string> = { yes: "Yes", partly: "Partly", no: "No" };
export const AGAIN_LABELS: Record<AgainAnswer, string> = { yes: "Yes", unsure: "Not sure", no: "No" };

export interface CheckinAnswer {
  clear: ClearAnswer;
  again: AgainAnswer;
}

export function readCheckinAnswer(clear: string | undefined, again: string | undefined): CheckinAnswer | null {
  const c = CLEAR_ANSWERS.find((answer) => answer === clear);
  const a = AGAIN_ANSWERS.find((answer) => answer === again);
  return c && a ? { clear: c, again: a } : null;
}
