/** Every command, callback, block and action id the app uses, in one place (and in manifest.yml). */
export const COMMANDS = {
  objectives: "/objectives",
  digest: "/digest",
} as const;

export const ACTIONS = {
  showObjective: "objectives_show",
  shareAnswer: "answer_share",
  answerHelpful: "answer_helpful",
  answerNotHelpful: "answer_not_helpful",
} as const;

export const BLOCKS = {
  answerFeedback: "answer_feedback",
} as const;
