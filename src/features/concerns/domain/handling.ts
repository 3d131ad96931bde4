/**
 * Who handles a concern. Every concern lead does, except those who recused themselves from it
 * (it is about them, or they are conflicted); once every lead has, the deputy (CONCERN_DEPUTY)
 * does. A recused lead sees the concern nowhere: not its card, not in /concerns, App Home, the
 * export or the report.
 */
export const RECUSAL_REASONS = ["about_me", "conflict"] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];

/** As the other leads are told: "<lead> has recused themselves: it is about them." */
export const RECUSAL_REASON_LABELS: Record<RecusalReason, string> = {
  about_me: "it is about them",
  conflict: "they have a conflict of interest",
};

/** As the lead choosing it reads it. */
export const RECUSAL_REASON_CHOICES: Record<RecusalReason, string> = {
  about_me: "It is about me",
  conflict: "I have a conflict of interest",
};

export interface RecusalRecord {
  concernId: string;
  leadId: string;
  reason: RecusalReason;
  at: Date;
}

export type Handling =
  | { route: "leads"; people: string[] }
  | { route: "deputy"; people: string[] }
  /** Every lead recused and no deputy is set (or the deputy group is empty). */
  | { route: "nobody"; people: string[] };

/** Who may act on a concern now. */
export function handling(leads: readonly string[], recused: Iterable<string>, deputies: readonly string[]): Handling {
  const out = new Set(recused);
  const people = leads.filter((lead) => !out.has(lead));
  if (people.length > 0) return { route: "leads", people };
  const stand = deputies.filter((deputy) => !out.has(deputy));
  return stand.length > 0 ? { route: "deputy", people: stand } : { route: "nobody", people: [] };
}

/** What a person is to one concern. */
export type ConcernRole = "lead" | "deputy" | "recused" | null;

export function roleIn(userId: string, handlingNow: Handling, recused: Iterable<string>): ConcernRole {
  if (new Set(recused).has(userId)) return "recused";
  if (!handlingNow.people.includes(userId)) return null;
  return handlingNow.route === "deputy" ? "deputy" : "lead";
}

export function isRecusalReason(value: string | undefined | null): value is RecusalReason {
  return RECUSAL_REASONS.some((reason) => reason === value);
}
