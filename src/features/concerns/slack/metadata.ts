import { z } from "zod";
import { readSignedMetadata, signMetadata } from "../../../slack/signed-metadata";

/**
 * What a concern modal carries in private_metadata (Slack keeps it; at most 3,000 characters).
 * Never who the reporter is: Slack tells us that with every submission.
 */
const formMetadataSchema = z.object({
  /** The quoted message's full text, held in the database. */
  draft: z.string().nullable().default(null),
  /** Where to confirm: the source message's channel or the channel of /concerns new. */
  channel: z.string().nullable().default(null),
  ts: z.string().nullable().default(null),
  thread: z.string().nullable().default(null),
  author: z.string().nullable().default(null),
  permalink: z.string().nullable().default(null),
  responseUrl: z.string().nullable().default(null),
  /** Signposts already shown in this modal. */
  shown: z.array(z.enum(["patient_safety", "protected_disclosure", "personal_grievance"])).default([]),
  /** Whether the reporter wrote the message ("author") or took part in its thread ("thread"). */
  involvement: z.enum(["author", "thread"]).nullable().default(null),
  /** The concern this message is already logged as, to say so when the form is drawn again. */
  existing: z.object({ reference: z.string(), raisedBy: z.string() }).nullable().default(null),
});

export type FormMetadata = z.output<typeof formMetadataSchema>;

export const EMPTY_FORM_METADATA: FormMetadata = formMetadataSchema.parse({});

export function encodeFormMetadata(metadata: FormMetadata): string {
  return signMetadata(metadata);
}

/** Null unless the bot signed it. */
export function decodeFormMetadata(text: string | undefined): FormMetadata | null {
  return readSignedMetadata(formMetadataSchema, text);
}

const leadMetadataSchema = z.object({
  concernId: z.string().min(1),
  action: z.enum(["note", "resolve", "reopen", "reply", "assign", "recuse"]),
});

export type LeadMetadata = z.output<typeof leadMetadataSchema>;

export function encodeLeadMetadata(metadata: LeadMetadata): string {
  return signMetadata(metadata);
}

export function decodeLeadMetadata(text: string | undefined): LeadMetadata | null {
  return readSignedMetadata(leadMetadataSchema, text);
}

const checkinSchema = z.object({
  concernId: z.string().min(1),
  proof: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

export type CheckinMetadata = z.output<typeof checkinSchema>;

/** A check-in ticket, in a button's value and the check-in modal's private_metadata. */
export function encodeCheckin(ticket: CheckinMetadata): string {
  return JSON.stringify(ticket);
}

export function decodeCheckin(text: string | undefined): CheckinMetadata | null {
  try {
    return checkinSchema.parse(JSON.parse(text || "{}"));
  } catch {
    return null;
  }
}

/** The check-in modal's private_metadata: the ticket, signed. */
export function encodeCheckinModal(ticket: CheckinMetadata): string {
  return signMetadata(ticket);
}

export function decodeCheckinModal(text: string | undefined): CheckinMetadata | null {
  return readSignedMetadata(checkinSchema, text);
}

const publishMetadataSchema = z.object({ channel: z.string().nullable().default(null) });

/** The publish modal's private_metadata: the channel `/concerns publish` was typed in. */
export function encodePublishMetadata(channel: string | null): string {
  return signMetadata({ channel });
}

export function decodePublishMetadata(text: string | undefined): { channel: string | null } | null {
  return readSignedMetadata(publishMetadataSchema, text);
}
