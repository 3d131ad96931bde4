/** Every command, callback, block and action id the app uses, in one place (and in manifest.yml). */
export const COMMANDS = {
  objectives: "/objectives",
  digest: "/digest",
  concerns: "/concerns",
} as const;

export const ACTIONS = {
  showObjective: "objectives_show",
  shareAnswer: "answer_share",
  answerHelpful: "answer_helpful",
  answerNotHelpful: "answer_not_helpful",
  // ---- Concerns: the triage card's buttons (value: the concern's id) and App Home ----
  concernAcknowledge: "concern_acknowledge",
  concernNote: "concern_note",
  concernResolve: "concern_resolve",
  concernReopen: "concern_reopen",
  concernReply: "concern_reply",
  concernBlockThread: "concern_block_thread",
  concernUnblockThread: "concern_unblock_thread",
  concernNewFromHome: "concern_new_from_home",
} as const;

export const BLOCKS = {
  answerFeedback: "answer_feedback",
} as const;

// ---- Concerns ----
export const SHORTCUTS = {
  logConcern: "log_autonomy_concern",
  logConcernGlobal: "log_autonomy_concern_global",
} as const;

export const VIEWS = {
  concernLoading: "concern_loading",
  concernForm: "concern_form",
  concernDone: "concern_done",
  concernLeadAction: "concern_lead_action",
} as const;

/** Input blocks of the concern modal: block id and the action id of its one element. */
export const CONCERN_INPUTS = {
  whatHappened: { block: "concern_what_happened", action: "what_happened" },
  objective: { block: "concern_objective", action: "objective" },
  body: { block: "concern_body", action: "body" },
  impact: { block: "concern_impact", action: "impact" },
  identityMode: { block: "concern_identity", action: "identity_mode" },
  includeLink: { block: "concern_include_link", action: "include_link" },
  leadText: { block: "concern_lead_text", action: "lead_text" },
} as const;
