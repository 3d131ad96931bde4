import { linkedom, readability } from "./lazy-packages";
import { collapseWhitespace } from "./text";

const BLOCK_ELEMENTS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "UL",
  "OL",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "BLOCKQUOTE",
  "PRE",
  "DL",
  "DT",
  "DD",
  "FIGURE",
  "FIGCAPTION",
  "ADDRESS",
  "HR",
  "DETAILS",
  "SUMMARY",
  "CAPTION",
]);
const SKIPPED_ELEMENTS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BUTTON", "FORM"]);
const CHROME_SELECTOR =
  "script, style, nav, header, footer, form, [role=navigation], [role=banner], [role=contentinfo], " +
  "[class*=cookie], [id*=cookie], [class*=breadcrumb]";

/**
 * Main content of an HTML page as plain text, one block per paragraph (blank line between),
 * list items as "- item" and table rows as "cell | cell". Site navigation, cookie banners and
 * footers are left out (Readability, with a <main>/<body> fallback when it finds no article).
 */
export function htmlToMainText(html: string, url: string): { text: string; title?: string } {
  const { document } = linkedom().parseHTML(html);
  const marked = markedMainText(document);
  const article = readArticle(document, url);
  // Readability sometimes keeps only part of a page's marked main content (a short page, minutes in a
  // table) or drops some of its headings, and with them where agenda items begin.
  const partial =
    marked !== null &&
    article !== null &&
    (article.text.length < marked.text.length * 0.6 ||
      marked.headings.some((heading) => !hasLine(article.text, heading)));
  if (article?.text.trim() && !partial) return article;
  if (marked) {
    const title = article?.title ?? marked.title;
    return { text: marked.text, ...(title ? { title } : {}) };
  }
  return fallbackMainText(html);
}

function hasLine(text: string, line: string): boolean {
  return text.split("\n").some((candidate) => candidate.trim() === line);
}

/** The text of the element a page marks as its main content (<main>, <article>, role=main), if any. */
function markedMainText(document: Document): { text: string; title?: string; headings: string[] } | null {
  const marked = document.querySelector("main, [role=main], article");
  if (!marked) return null;
  // A copy: Readability reworks the page itself afterwards.
  const root = marked.cloneNode(true) as Element;
  for (const element of Array.from(
    root.querySelectorAll(`${CHROME_SELECTOR}, aside, [class*=comment], [id*=comment]`),
  )) {
    element.remove();
  }
  const text = nodeToText(root);
  if (!text.trim()) return null;
  const headings = Array.from(root.querySelectorAll("h2, h3, h4"))
    .map((heading) => collapseWhitespace(heading.textContent ?? ""))
    .filter(Boolean);
  const title = collapseWhitespace(document.querySelector("h1")?.textContent ?? document.title ?? "");
  return { text, headings, ...(title ? { title } : {}) };
}

/** Readability's article, read from (and reworking) the parsed page. */
function readArticle(document: Document, url: string): { text: string; title?: string } | null {
  setDocumentUrl(document, url);
  const { Readability } = readability();
  const reader = new Readability<string>(document, { charThreshold: 100, serializer: nodeToText });
  const article = reader.parse();
  if (!article?.content) return null;
  const title = article.title ? collapseWhitespace(article.title) : undefined;
  return { text: article.content, ...(title ? { title } : {}) };
}

function fallbackMainText(html: string): { text: string; title?: string } {
  const { document } = linkedom().parseHTML(html);
  for (const element of Array.from(document.querySelectorAll(CHROME_SELECTOR))) element.remove();
  const root = document.querySelector("main") ?? document.body;
  const title = collapseWhitespace(document.querySelector("h1")?.textContent ?? document.title ?? "");
  return { text: root ? nodeToText(root) : "", ...(title ? { title } : {}) };
}

/** Readability resolves relative links against the document URL; linkedom has none unless told. */
function setDocumentUrl(document: Document, url: string): void {
  if (document.querySelector("base") || !document.head) return;
  const base = document.createElement("base");
  base.setAttribute("href", url);
  document.head.appendChild(base);
}

function nodeToText(root: Node): string {
  const blocks: string[] = [];
  let current = "";
  const flush = () => {
    const text = collapseWhitespace(current);
    if (text) blocks.push(text);
    current = "";
  };
  /** A cell of a minutes table: its text as a block of its own, its block elements walked. */
  const walkCell = (part: RowPart): void => {
    if (typeof part === "string") {
      blocks.push(part);
      return;
    }
    const before = blocks.length;
    walk(part.cell);
    flush();
    if (part.prefix && blocks.length > before) blocks[before] = `${part.prefix} ${blocks[before]}`;
    else if (part.prefix) blocks.push(part.prefix);
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name)) return;
    if (name === "BR") {
      flush();
      return;
    }
    if (name === "TR") {
      flush();
      const cells = rowCells(node);
      if (cells.some(hasBlockContent)) {
        blockRow(cells, columnHeaders(node)).forEach(walkCell);
        return;
      }
      const row = tableRowText(cells);
      if (row) blocks.push(row);
      return;
    }
    if (name === "LI") {
      flush();
      const nested = Array.from(node.childNodes).filter((c) => c.nodeName === "UL" || c.nodeName === "OL");
      const own = Array.from(node.childNodes).filter((c) => !nested.includes(c));
      const text = collapseWhitespace(own.map((c) => c.textContent ?? "").join(" "));
      if (text) blocks.push(`- ${text}`);
      nested.forEach(walk);
      return;
    }
    const isBlock = BLOCK_ELEMENTS.has(name);
    if (isBlock) flush();
    node.childNodes.forEach(walk);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return blocks.join("\n\n");
}

function rowCells(row: Node): Node[] {
  return Array.from(row.childNodes).filter((c) => c.nodeName === "TD" || c.nodeName === "TH");
}

function tableRowText(cells: Node[]): string {
  return cells.map(cellText).join(" | ");
}

function cellText(cell: Node): string {
  return collapseWhitespace(cell.textContent ?? "").replace(/\|/g, "/");
}

const BLOCK_CONTENT = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "TABLE", "BLOCKQUOTE"]);

function hasBlockContent(node: Node): boolean {
  return Array.from(node.childNodes).some((child) => BLOCK_CONTENT.has(child.nodeName) || hasBlockContent(child));
}

/** The header cells of the table a row belongs to ("Ref | Item | Action"), lower-cased. */
function columnHeaders(row: Node): string[] {
  let table: Node | null = row.parentNode;
  while (table && table.nodeName !== "TABLE") table = table.parentNode;
  const header = (table as Element | null)?.querySelector("tr");
  if (!header || !Array.from(header.childNodes).some((cell) => cell.nodeName === "TH")) return [];
  return rowCells(header).map((cell) => cellText(cell).toLowerCase());
}

/** Either a block of text, or a cell to walk with the row's reference ("GB/12/101") before its first block. */
type RowPart = string | { cell: Node; prefix: string };

/**
 * A row of a minutes table ("Ref | Item | Action") whose item cell holds a heading and paragraphs:
 * the reference joins the heading ("GB/12/101 Welcome and apologies"), the paragraphs follow, and a
 * name or initials in an Action, Owner or Lead column becomes "Action: SJ".
 */
function blockRow(cells: Node[], headers: string[]): RowPart[] {
  const parts: RowPart[] = [];
  let prefix: string[] = [];
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (hasBlockContent(cell)) {
      parts.push({ cell, prefix: prefix.join(" ") });
      prefix = [];
      return;
    }
    if (!text) return;
    const header = headers[index] ?? "";
    const seenBlock = parts.length > 0;
    if (seenBlock && /^(?:action|actions|owner|lead|by whom|responsible)$/.test(header)) parts.push(`Action: ${text}`);
    else if (seenBlock) parts.push(text);
    else prefix.push(text);
  });
  if (prefix.length) parts.push(prefix.join(" "));
  return parts;
}
