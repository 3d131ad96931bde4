import { linkedom } from "./lazy-packages";

/** Collapses runs of whitespace (including non-breaking spaces) to single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlFragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const { document } = linkedom().parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return collapseWhitespace(document.body.textContent ?? "");
}

const ABBREVIATIONS = new Set([
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "st",
  "no",
  "e.g",
  "i.e",
  "etc",
  "cllr",
  "rt",
  "hon",
  "vs",
  "approx",
  "para",
]);

/** Splits prose into sentences, keeping abbreviations such as "Dr." and "e.g." inside their sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    const lastWord = /([\w.]+)\.["'”’)]*$/.exec(text.slice(start, end))?.[1]?.toLowerCase();
    if (lastWord && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/i.test(lastWord))) continue;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** First sentence, extended with following sentences up to `max` characters, else cut at a word boundary. */
export function shortenToSentence(text: string, max = 280): string {
  const sentences = splitSentences(collapseWhitespace(text));
  let result = "";
  for (const sentence of sentences) {
    const candidate = result ? `${result} ${sentence}` : sentence;
    if (candidate.length > max) break;
    result = candidate;
    if (result.length >= 60) break;
  }
  if (result) return result;
  const first = sentences[0] ?? "";
  const cut = first.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}
