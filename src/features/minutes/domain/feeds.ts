import { MinutesParseError } from "./errors";
import { feedsmith } from "./lazy-packages";
import { collapseWhitespace, htmlFragmentToText } from "./text";

/** One entry of an Atom, RSS 2.0 or RDF feed, reduced to what the minutes ingester needs. */
export interface FeedEntry {
  /** Absolute link to the document (fragment removed). Use `dedupeKey(link)` to spot repeats. */
  link: string;
  /** Title without the GOV.UK display-type prefix ("Transparency data: ..."). */
  title: string;
  /** The display-type prefix taken off the title, e.g. "Transparency data". */
  displayType?: string;
  updated?: Date;
  /** Plain text; HTML (escaped or not) stripped. */
  summary?: string;
  /** The feed's own id; GOV.UK organisation feeds change it on every edit, so never dedupe on it. */
  entryId?: string;
  /** True for the single "This feed has ended" entry a retired GOV.UK feed returns: not a document. */
  feedEnded: boolean;
}

interface RawEntry {
  link?: string;
  title?: string;
  updated?: string;
  summary?: string;
  summaryIsHtml: boolean;
  entryId?: string;
  categories: string[];
}

const FEED_TYPES = /^application\/(atom|rss|rdf)\+xml$|^(application|text)\/xml$/;
/** A feed's first element, after an optional byte-order mark, XML declaration, comments, processing instructions and doctype. */
const FEED_START =
  /^\uFEFF?\s*(?:<\?xml\b[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>)\s*)*<(?:feed|rss|rdf:RDF)\b/;
const SNIFF_BYTES = 4096;

/**
 * Whether a fetched or saved body is an Atom, RSS or RDF feed: by its content type (Atom, RSS, RDF
 * or plain XML), or else by its first element, whatever type it was served or saved as (a feed
 * served as text/plain or text/html, or saved with an unexpected extension, is still a feed).
 */
export function looksLikeFeed(contentType: string, body: Uint8Array): boolean {
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (FEED_TYPES.test(mime)) return true;
  if (mime === "application/pdf") return false;
  return FEED_START.test(new TextDecoder().decode(body.subarray(0, SNIFF_BYTES)));
}

/** Parses an Atom, RSS 2.0 or RDF feed. Entries sharing a link are merged (newest kept). */
export function parseFeed(xml: string, baseUrl?: string): FeedEntry[] {
  return parseFeedWithTitle(xml, baseUrl).entries;
}

/** The feed's own title ("Department of Health and Social Care - Activity on GOV.UK") and its entries. */
export function parseFeedWithTitle(xml: string, baseUrl?: string): { title?: string; entries: FeedEntry[] } {
  const { title, entries: raw } = readRawFeed(xml);
  const entries = raw.map((entry) => toFeedEntry(entry, baseUrl)).filter((entry): entry is FeedEntry => entry !== null);
  const cleanTitle = title ? htmlFragmentToText(title) : "";
  return { ...(cleanTitle ? { title: cleanTitle } : {}), entries: dedupeByLink(entries) };
}

/** Only the entries that are real documents (drops "This feed has ended"). */
export function documentEntries(entries: FeedEntry[]): FeedEntry[] {
  return entries.filter((entry) => !entry.feedEnded);
}

/** Key for recognising the same document across fetches: host lower-cased, fragment and trailing slash dropped. */
export function dedupeKey(link: string): string {
  try {
    const url = new URL(link);
    url.hash = "";
    const path = url.pathname.replace(/\/+$/, "");
    return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
  } catch {
    return link.trim();
  }
}

function readRawFeed(xml: string): { title?: string; entries: RawEntry[] } {
  if (!xml.trim()) throw new MinutesParseError("The feed is empty: nothing was returned to parse.");
  const parsed = parseOrExplain(xml);
  const title =
    parsed.format === "atom" ? parsed.feed.title?.value : parsed.format === "json" ? undefined : parsed.feed.title;
  return { ...(title ? { title } : {}), entries: readRawEntries(parsed) };
}

function readRawEntries(parsed: ReturnType<typeof parseOrExplain>): RawEntry[] {
  if (parsed.format === "atom") {
    return (parsed.feed.entries ?? []).map((entry) => ({
      link: alternateLink(entry.links ?? []),
      title: entry.title?.value,
      updated: entry.updated ?? entry.published,
      summary: entry.summary?.value ?? entry.content?.value,
      summaryIsHtml: isHtmlType(entry.summary?.type ?? entry.content?.type),
      entryId: entry.id,
      categories: (entry.categories ?? []).flatMap((c) => [c.label, c.term]).filter(isString),
    }));
  }
  if (parsed.format === "rss") {
    return (parsed.feed.items ?? []).map((item) => ({
      link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
      title: item.title,
      updated: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.updated,
      summary: item.description ?? item.content?.encoded,
      summaryIsHtml: true,
      entryId: item.guid?.value,
      categories: (item.categories ?? []).map((c) => c.name).filter(isString),
    }));
  }
  if (parsed.format === "rdf") {
    return (parsed.feed.items ?? []).map((item) => ({
      link: item.link,
      title: item.title,
      updated: item.dc?.dates?.[0],
      summary: item.description,
      summaryIsHtml: true,
      entryId: item.rdf?.about,
      categories: [],
    }));
  }
  throw new MinutesParseError("This is a JSON Feed; only Atom, RSS 2.0 and RDF feeds are supported.");
}

function parseOrExplain(xml: string) {
  try {
    return feedsmith().parseFeed(xml);
  } catch (error) {
    if (error instanceof feedsmith().DetectError) {
      const start = collapseWhitespace(xml).slice(0, 40);
      throw new MinutesParseError(`Not an Atom, RSS or RDF feed (it starts with "${start}").`, { cause: error });
    }
    if (error instanceof feedsmith().MalformedError || error instanceof feedsmith().ParseError) {
      throw new MinutesParseError("The feed's XML is malformed or cut off, so it could not be read.", {
        cause: error,
      });
    }
    throw error;
  }
}

function toFeedEntry(raw: RawEntry, baseUrl?: string): FeedEntry | null {
  const title = collapseWhitespace(raw.title ?? "");
  const feedEnded = isFeedEndedEntry(title, raw.entryId);
  const link = absoluteLink(raw.link, baseUrl);
  if (!link && !feedEnded) return null;
  const { displayType, rest } = splitDisplayType(title, raw.categories);
  const summary = raw.summary ? summaryText(raw.summary, raw.summaryIsHtml) : undefined;
  return {
    link: link ?? "",
    title: rest,
    ...(displayType ? { displayType } : {}),
    ...optionalDate(raw.updated),
    ...(summary ? { summary } : {}),
    ...(raw.entryId ? { entryId: raw.entryId } : {}),
    feedEnded,
  };
}

function isFeedEndedEntry(title: string, entryId?: string): boolean {
  return /^this feed has ended\b/i.test(title) || /\/feed-ended$/.test(entryId ?? "");
}

/** GOV.UK display types seen as title prefixes; any category label on the entry also counts. */
const GOVUK_DISPLAY_TYPES = [
  "Transparency data",
  "Press release",
  "Correspondence",
  "Policy paper",
  "Guidance",
  "News story",
  "Corporate report",
  "Official Statistics",
  "Accredited official statistics",
  "National Statistics",
  "Research and analysis",
  "Independent report",
  "Consultation outcome",
  "Open consultation",
  "Closed consultation",
  "Speech",
  "Oral statement to Parliament",
  "Written statement to Parliament",
  "Statement to Parliament",
  "FOI release",
  "Notice",
  "Form",
  "Impact assessment",
  "Statutory guidance",
  "Decision",
  "Detailed guide",
  "Collection",
  "Government response",
  "Authored article",
  "Case study",
  "Promotional material",
  "Regulation",
  "Policy",
  "Statistical data set",
  "Minutes",
  "Guide",
];

function splitDisplayType(title: string, categories: string[]): { displayType?: string; rest: string } {
  const match = /^([^:]{2,60}):\s+(.+)$/.exec(title);
  if (!match?.[1] || !match[2]) return { rest: title };
  const prefix = match[1].trim();
  const known = [...categories, ...GOVUK_DISPLAY_TYPES].some((t) => t.toLowerCase() === prefix.toLowerCase());
  return known ? { displayType: prefix, rest: match[2].trim() } : { rest: title };
}

function summaryText(summary: string, isHtml: boolean): string | undefined {
  const text = isHtml || /<\/?[a-z][^>]*>/i.test(summary) ? htmlFragmentToText(summary) : collapseWhitespace(summary);
  return text || undefined;
}

function optionalDate(raw?: string): { updated?: Date } {
  if (!raw) return {};
  // RFC 822 dates from UK WordPress feeds may carry "BST"/"GMT" names that Date cannot read.
  const normalised = raw
    .trim()
    .replace(/\bBST$/, "+0100")
    .replace(/\bUTC$/, "+0000");
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? {} : { updated: date };
}

function alternateLink(links: { href?: string; rel?: string }[]): string | undefined {
  const alternate = links.find((l) => !l.rel || l.rel === "alternate");
  return (alternate ?? links[0])?.href;
}

function absoluteLink(link: string | undefined, baseUrl?: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), baseUrl);
    url.hash = "";
    return url.toString();
  } catch {
    return undefined;
  }
}

function isHtmlType(type?: string): boolean {
  return type === "html" || type === "xhtml" || type === "text/html";
}

function isString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function dedupeByLink(entries: FeedEntry[]): FeedEntry[] {
  const byKey = new Map<string, FeedEntry>();
  for (const entry of entries) {
    const key = entry.feedEnded ? `feed-ended:${entry.entryId ?? ""}` : dedupeKey(entry.link);
    const existing = byKey.get(key);
    if (!existing || (entry.updated?.getTime() ?? 0) > (existing.updated?.getTime() ?? 0)) byKey.set(key, entry);
  }
  return [...byKey.values()];
}
