import { format, parseISO } from "date-fns";

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Undoes Slack's own escaping of message text: Slack sends `&`, `<` and `>` typed by people as
 * `&amp;`, `&lt;` and `&gt;`. Decoding once on reading, then escaping once on writing, shows the text
 * as it was typed, neither double-escaped nor read as formatting.
 */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces lone UTF-16 surrogates (which cannot be encoded as UTF-8 or JSON for Slack) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, "\uFFFD");
}

/** A Block Kit plain_text object: never read as formatting. */
export interface PlainTextObject {
  type: "plain_text";
  text: string;
  emoji: false;
}

/**
 * Someone's own words, shown exactly as they typed them. Slack's mrkdwn has no escape character for
 * *, _, ~ or `, so typed text inside mrkdwn can turn bold, italic, struck through or code; a
 * plain_text object is never formatted (and with emoji false, ":tada:" stays as typed). Empty text
 * (which Block Kit refuses) becomes a single space.
 */
export function asTyped(text: string): PlainTextObject {
  return { type: "plain_text", text: text.length > 0 ? text : " ", emoji: false };
}

/** Cuts text to Slack's limits without breaking a word where it can help it. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > max * 0.8 ? cut.slice(0, lastSpace) : cut}…`;
}

const formattedDates = new Map<string, string>();

/** "2012-04-23" -> "23 April 2012"; "2012-04" -> "April 2012"; "2015" stays. */
export function formatSourceDate(date: string): string {
  let formatted = formattedDates.get(date);
  if (formatted === undefined) {
    if (formattedDates.size >= 1_000) formattedDates.clear();
    formatted = formatDate(date);
    formattedDates.set(date, formatted);
  }
  return formatted;
}

function formatDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return format(parseISO(date), "d MMMM yyyy");
  if (/^\d{4}-\d{2}$/.test(date)) return format(parseISO(`${date}-01`), "MMMM yyyy");
  return date;
}

export interface CitedSource {
  title: string;
  publisher: string;
  date: string;
  url?: string | null;
}

/** "<url|Title>, Publisher, 23 April 2012" as mrkdwn. */
export function citation(source: CitedSource): string {
  const title = escapeMrkdwn(source.title);
  const linked = source.url ? `<${source.url}|${title}>` : `_${title}_`;
  return `${linked}, ${escapeMrkdwn(source.publisher)}, ${formatSourceDate(source.date)}`;
}

/** The same citation for notifications and screen readers. */
export function plainCitation(source: CitedSource): string {
  return `${source.title}, ${source.publisher}, ${formatSourceDate(source.date)}`;
}
