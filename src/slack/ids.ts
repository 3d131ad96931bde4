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
  // ---- Objectives asked where people talk: thread answers, policy leads, approved answers ----
  /** The feedback_buttons element of an answer posted in a thread or a DM (value: "helpful:<id>" or "not_helpful:<id>"). */
  answerFeedbackButtons: "answer_feedback_buttons",
  /** "Shared": what "Share in channel" becomes once pressed; pressing it again does nothing. */
  answerShared: "answer_shared",
  /** Sends the question (value: its id) to the knowledge owners. */
  askPolicyLead: "answer_ask_policy_lead",
  /** On the knowledge owners' card (value: the policy question's id). */
  answerPolicyQuestion: "policy_question_answer",
  /** On a review reminder (value: the approved answer's id). */
  reviseApprovedAnswer: "approved_answer_revise",
  withdrawApprovedAnswer: "approved_answer_withdraw",
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
  answerFeedbackReason: "answer_feedback_reason",
  askPolicyLead: "answer_ask_policy_lead_form",
  approveAnswer: "policy_answer_form",
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

/** Input blocks of the objectives' modals: block id and the action id of its one element. */
export const ANSWER_INPUTS = {
  reason: { block: "feedback_reason", action: "reason" },
  reasonNote: { block: "feedback_note", action: "note" },
  anonymous: { block: "policy_anonymous", action: "anonymous" },
  approvedText: { block: "approved_text", action: "text" },
  approvedSource: { block: "approved_source", action: "source" },
  reviewBy: { block: "approved_review_by", action: "review_by" },
} as const;
