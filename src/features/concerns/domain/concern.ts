import { z } from "zod";

export const CONCERN_STATUSES = ["new", "acknowledged", "resolved"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const OBJECTIVE_CHOICES = ["1", "2", "3", "4", "not_sure"] as const;
export type ObjectiveChoice = 1 | 2 | 3 | 4 | "not_sure";

export const BODIES_INVOLVED = [
  "nhs_commissioning_board",
  "clinical_senate",
  "clinical_network",
  "regional_team",
  "other",
] as const;
export type BodyInvolved = (typeof BODIES_INVOLVED)[number];

export const IMPACTS = ["low", "medium", "high"] as const;
export type Impact = (typeof IMPACTS)[number];

export const IDENTITY_MODES = ["named", "confidential", "anonymous"] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

/**
 * What a confidential or anonymous reporter chose for the quoted message: keep it (having been told
 * what it shows), or replace it with their own summary, in which case nothing of it is stored.
 */
export const QUOTE_CHOICES = ["kept", "replaced"] as const;
export type QuoteChoice = (typeof QUOTE_CHOICES)[number];

export const WHAT_HAPPENED_MIN_CHARS = 10;
/** The modal's limit; a quoted source message is kept separately and in full. */
export const WHAT_HAPPENED_MAX_CHARS = 3000;
/** Slack truncates message text at 40,000 characters; this only guards against absurd input. */
export const SOURCE_MESSAGE_MAX_CHARS = 100_000;

export const CONCERN_FIELDS = ["whatHappened", "objective", "body", "impact", "identityMode", "sourceMessage"] as const;
export type ConcernField = (typeof CONCERN_FIELDS)[number];

const countFormat = new Intl.NumberFormat("en-GB");

const whatHappenedSchema = z
  .string({ error: "Please say what happened (at least 10 characters)." })
  .trim()
  .min(WHAT_HAPPENED_MIN_CHARS, { error: "Please say what happened (at least 10 characters)." })
  .max(WHAT_HAPPENED_MAX_CHARS, {
    error: (issue) =>
      `Please keep this to ${countFormat.format(WHAT_HAPPENED_MAX_CHARS)} characters or fewer` +
      ` (it is ${countFormat.format(String(issue.input ?? "").length)} now).`,
  });

const objectiveSchema = z
  .enum(OBJECTIVE_CHOICES, { error: "Please choose the objective this touches, or “Not sure”." })
  .transform((value): ObjectiveChoice => (value === "not_sure" ? value : toObjectiveNumber(value)));

const sourceMessageSchema = z.object(
  {
    text: z
      .string()
      .min(1, { error: "The quoted message was empty. Please try again from the message." })
      .max(SOURCE_MESSAGE_MAX_CHARS, { error: "The quoted message is too long to keep." }),
    permalink: z.url({ protocol: /^https$/, error: "The link to the quoted message is not valid." }).nullish(),
  },
  { error: "The quoted message could not be attached. Please try again from the message." },
);

export const concernDraftSchema = z.object(
  {
    whatHappened: whatHappenedSchema,
    objective: objectiveSchema,
    body: z.enum(BODIES_INVOLVED, { error: "Please choose which body was involved." }),
    impact: z.enum(IMPACTS, { error: "Please choose the impact: low, medium or high." }),
    identityMode: z.enum(IDENTITY_MODES, {
      error: "Please choose whether to be named, confidential or anonymous.",
    }),
    sourceMessage: sourceMessageSchema.nullish().transform((value) => value ?? null),
  },
  { error: "Sorry, the form could not be read. Please try again." },
);

export type ConcernDraft = z.output<typeof concernDraftSchema>;
export type ConcernDraftInput = z.input<typeof concernDraftSchema>;
export type FieldErrors = Partial<Record<ConcernField, string>>;

export type DraftValidation = { ok: true; draft: ConcernDraft } | { ok: false; errors: FieldErrors };

/** Validates a submission and returns one polite message per field, ready for Slack's `response_action: "errors"`. */
export function validateConcernDraft(input: unknown): DraftValidation {
  const result = concernDraftSchema.safeParse(input);
  if (result.success) return { ok: true, draft: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path[0]);
    if (errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

function fieldOf(key: PropertyKey | undefined): ConcernField {
  // An issue on the whole object (e.g. input was not an object) is shown against the main field.
  return isConcernField(key) ? key : "whatHappened";
}

function isConcernField(key: PropertyKey | undefined): key is ConcernField {
  return CONCERN_FIELDS.some((field) => field === key);
}

function toObjectiveNumber(value: "1" | "2" | "3" | "4"): 1 | 2 | 3 | 4 {
  const numbers = { "1": 1, "2": 2, "3": 3, "4": 4 } as const;
  return numbers[value];
}

const REFERENCE_PATTERN = /^\s*CON[-\s]?0*(\d{1,9})\s*$/i;

/** 42 -> "CON-0042"; numbers past 9999 simply grow ("CON-12345"). */
export function formatReference(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Not a concern number: ${n}`);
  return `CON-${String(n).padStart(4, "0")}`;
}

/** Accepts "CON-0042", "con-42", "CON 42" or "CON0042"; returns the number, or null when it is not a reference. */
export function parseReference(text: string): number | null {
  const match = REFERENCE_PATTERN.exec(text);
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return n >= 1 ? n : null;
}
