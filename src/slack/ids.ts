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
  /** The card's overflow menu (Assign…, Recuse myself…); option values are "<what>:<concern id>". */
  concernMore: "concern_more",
  /** "Two quick questions" after resolution; value: the check-in ticket. */
  concernCheckinOpen: "concern_checkin_open",
} as const;

export const BLOCKS = {
  answerFeedback: "answer_feedback",
  /** The live character count under the concern form's "What happened?" box. */
  concernCount: "concern_what_happened_count",
  /** The "you said, we did" preview in its modal. */
  concernPublishPreview: "concern_publish_preview",
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
  concernAssign: "concern_assign",
  concernRecuse: "concern_recuse",
  concernCheckin: "concern_checkin",
  concernPublish: "concern_publish",
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
  /** Confidential and anonymous concerns from a message: keep the quote or replace it with your own summary. */
  quote: { block: "concern_quote", action: "quote" },
  outcome: { block: "concern_outcome", action: "outcome" },
  publication: { block: "concern_publication", action: "publication" },
  assignee: { block: "concern_assignee", action: "assignee" },
  recuseReason: { block: "concern_recuse_reason", action: "recuse_reason" },
  checkinClear: { block: "concern_checkin_clear", action: "checkin_clear" },
  checkinAgain: { block: "concern_checkin_again", action: "checkin_again" },
  publishItems: { block: "concern_publish_items", action: "publish_items" },
  publishChannel: { block: "concern_publish_channel", action: "publish_channel" },
} as const;
