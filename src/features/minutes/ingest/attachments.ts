import { linkedom } from "../domain/lazy-packages";
import { isMinutesEntry } from "../domain/sources";
import { collapseWhitespace } from "../domain/text";

/** What we can read: PDF, HTML and plain text; anything else (ODT, Word, spreadsheets) is "other". */
export type AttachmentFormat = "pdf" | "html" | "text" | "other";

/** A file a publication page offers, as its page lists it. */
export interface Attachment {
  url: string;
  title: string;
  format: AttachmentFormat;
  /** "PDF", "ODT", "MS Word Document"... as shown to people. */
  formatName: string;
}

export interface PublicationPage {
  /** The page's heading (GOV.UK's h1), without " - GOV.UK". */
  title: string | null;
  attachments: Attachment[];
}

/** GOV.UK's attachment markup, old and new (the "gem" components). */
const ATTACHMENT_SECTIONS = "section.attachment, .gem-c-attachment";
const CHROME = "header, nav, footer, [role=navigation], [role=banner], [role=contentinfo], [class*=breadcrumb]";
const UPLOAD_HOSTS = new Set(["assets.publishing.service.gov.uk"]);
const EXTENSIONS: Record<string, { format: AttachmentFormat; name: string }> = {
  pdf: { format: "pdf", name: "PDF" },
  html: { format: "html", name: "HTML" },
  htm: { format: "html", name: "HTML" },
  txt: { format: "text", name: "plain text" },
  text: { format: "text", name: "plain text" },
  odt: { format: "other", name: "ODT" },
  doc: { format: "other", name: "MS Word Document" },
  docx: { format: "other", name: "MS Word Document" },
  rtf: { format: "other", name: "RTF" },
  xls: { format: "other", name: "MS Excel Spreadsheet" },
  xlsx: { format: "other", name: "MS Excel Spreadsheet" },
  ods: { format: "other", name: "ODS" },
  csv: { format: "other", name: "CSV" },
  ppt: { format: "other", name: "MS PowerPoint Presentation" },
  pptx: { format: "other", name: "MS PowerPoint Presentation" },
  zip: { format: "other", name: "ZIP" },
};

/**
 * The files a publication page (GOV.UK's, or one marked up like it) attaches, in page order: links
 * in GOV.UK's attachment markup, and links in the page's main content to GOV.UK's upload addresses
 * (assets.publishing.service.gov.uk, /government/uploads/). Navigation, header and footer are ignored.
 */
export function publicationAttachments(html: string, pageUrl: string): PublicationPage {
  const { document } = linkedom().parseHTML(html);
  const main = document.querySelector("main") ?? document.body;
  if (!main) return { title: null, attachments: [] };
  for (const element of Array.from(main.querySelectorAll(CHROME))) element.remove();
  const found = new Map<string, Attachment>();
  for (const link of Array.from(main.querySelectorAll("a[href]"))) {
    const url = resolve(link.getAttribute("href"), pageUrl);
    const section = link.closest(ATTACHMENT_SECTIONS);
    if (!url || url === stripHash(pageUrl) || !(section || isUpload(url))) continue;
    const title = collapseWhitespace(link.textContent ?? "");
    const existing = found.get(url);
    if (!existing)
      found.set(url, { url, title, ...formatOf(url, collapseWhitespace((section ?? link).textContent ?? "")) });
    else if (!existing.title && title) existing.title = title;
  }
  return { title: pageTitle(document, main), attachments: [...found.values()] };
}

export type AttachmentChoice =
  | { kind: "follow"; attachment: Attachment }
  | { kind: "unreadable"; attachment: Attachment };

/**
 * The attachment holding the minutes: the first one called minutes (in its title or file name), else
 * the first that reads as a meeting's record (not its agenda or papers), preferring those we can read;
 * if the only minutes-like attachments can't be read (ODT, Word), the first of them, so the reason
 * can be given; else none (the page itself is read).
 */
export function minutesAttachment(page: PublicationPage): AttachmentChoice | null {
  const words = (attachment: Attachment) => `${attachment.title} ${fileWords(attachment.url)}`;
  const called = page.attachments.filter((attachment) => /\bminutes?\b/i.test(words(attachment)));
  const meetingLike = page.attachments.filter(
    (attachment) => isMinutesEntry({ title: words(attachment) }) && !NOT_MINUTES.test(words(attachment)),
  );
  for (const candidates of [called, meetingLike]) {
    const readable = candidates.find((attachment) => attachment.format !== "other");
    if (readable) return { kind: "follow", attachment: readable };
  }
  const unreadable = called[0] ?? meetingLike[0];
  return unreadable ? { kind: "unreadable", attachment: unreadable } : null;
}

/** Attachments that go with a meeting but are not its record. */
const NOT_MINUTES = /\b(agenda|papers?|terms of reference|presentation|slides|annex|appendix)\b/i;

function formatOf(url: string, description: string): { format: AttachmentFormat; formatName: string } {
  const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  const known = extension ? EXTENSIONS[extension] : undefined;
  if (known) return { format: known.format, formatName: known.name };
  // No extension: GOV.UK's HTML attachments are pages of their own; the metadata line says "HTML".
  if (/\bHTML\b/.test(description) || !isUpload(url)) return { format: "html", formatName: "HTML" };
  if (/\bPDF\b/.test(description)) return { format: "pdf", formatName: "PDF" };
  return { format: "other", formatName: extension ? extension.toUpperCase() : "an unknown format" };
}

function isUpload(url: string): boolean {
  const parsed = new URL(url);
  return UPLOAD_HOSTS.has(parsed.hostname.toLowerCase()) || parsed.pathname.includes("/government/uploads/");
}

function pageTitle(document: Document, main: Element): string | null {
  const heading = collapseWhitespace(main.querySelector("h1")?.textContent ?? "");
  const title = heading || collapseWhitespace(document.title ?? "").replace(/\s+[-–]\s+GOV\.UK$/i, "");
  return title || null;
}

/** "minutes-of-the-board_2012.pdf" -> "minutes of the board 2012 pdf", so that file names read as words. */
function fileWords(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  return name.replace(/[-_.+]+/g, " ");
}

function resolve(href: string | null, base: string): string | null {
  if (!href || href.startsWith("#") || /^(mailto|tel|javascript):/i.test(href)) return null;
  try {
    return stripHash(new URL(href, base).toString());
  } catch {
    return null;
  }
}

function stripHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.toString();
}
