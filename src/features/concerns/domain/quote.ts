import type { IdentityMode, QuoteChoice } from "./concern";

/**
 * The quoted message of a confidential or anonymous concern. Its text can be searched for in
 * Slack, which shows who wrote it: when that is the reporter (or a thread they took part in), the
 * quote would give them away, so the form says so and offers to replace the quote with their own
 * summary, which is then the default. Nothing of a replaced message is stored: not its text, link,
 * channel or author.
 */
export type QuoteAnswer = "keep" | "replace";

/** How the reporter is connected to the message they are logging, as far as the shortcut tells. */
export type Involvement = "author" | "thread" | null;

export function defaultQuoteAnswer(involvement: Involvement): QuoteAnswer {
  return involvement ? "replace" : "keep";
}

/** Whether the form asks about the quote: only for a message, and only when not named. */
export function asksAboutQuote(mode: IdentityMode | undefined, hasSource: boolean): boolean {
  return hasSource && (mode === "confidential" || mode === "anonymous");
}

/** What is stored: null for named concerns and concerns without a message. */
export function quoteChoiceFor(
  mode: IdentityMode,
  hasSource: boolean,
  involvement: Involvement,
  answer: QuoteAnswer | null,
): QuoteChoice | null {
  if (!asksAboutQuote(mode, hasSource)) return null;
  return (answer ?? defaultQuoteAnswer(involvement)) === "keep" ? "kept" : "replaced";
}

/**
 * Whether the message's link, channel and author are kept: always for named concerns; never when
 * the quote is replaced, nor for an anonymous concern about the reporter's own message or thread
 * (its author, or the thread, is them); otherwise only when the reporter ticked the box.
 */
export function keepsLink(
  mode: IdentityMode,
  quote: QuoteChoice | null,
  involvement: Involvement,
  ticked: boolean,
): boolean {
  if (mode === "named") return true;
  if (quote === "replaced") return false;
  if (mode === "anonymous" && involvement) return false;
  return ticked;
}
