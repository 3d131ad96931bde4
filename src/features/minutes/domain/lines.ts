/** Line-level clean-up shared by PDF extraction and the minutes parser. */

const TERMINAL = /[.!?:;]["'”’)\]]*$/;
const STARTS_BLOCK =
  /^(?:[-•*–▪●]\s|\(?[a-z]\)\s|\(?[ivx]+\)\s|\d+(?:\.\d+)+\.?\s|\d+[.)]\s|item\b|actions?\b|due\b|deadline\b|owner\b|apologies\b|present\b)/i;
const WRAP_LENGTH = 60;

/**
 * Splits text into trimmed, non-empty lines. A line that plainly continues the previous one
 * (no blank line between, previous line unfinished, this one starting in lower case) is joined to it.
 * Tabs between cells become " | " so tab-separated tables read like HTML ones.
 */
export function toLines(text: string): string[] {
  return mergeLines(text, (prev, next) => /^[a-z(]/.test(next) && !STARTS_BLOCK.test(next) && !TERMINAL.test(prev));
}

/**
 * PDF text comes one printed line at a time. Joins the lines of each wrapped paragraph: the previous
 * line is long and unfinished and this one does not start a list item, a number or a label.
 * Returns blocks separated by blank lines.
 */
export function joinWrappedLines(text: string): string {
  const lines = mergeLines(text, (prev, next) => {
    if (TERMINAL.test(prev) || STARTS_BLOCK.test(next)) return false;
    return /^[a-z(]/.test(next) || (prev.length >= WRAP_LENGTH && !isAllCaps(prev));
  });
  return lines.join("\n\n");
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 3 && letters === letters.toUpperCase();
}

function mergeLines(text: string, continues: (prev: string, next: string) => boolean): string[] {
  const lines: string[] = [];
  let afterBlank = true;
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = cleanLine(rawLine);
    if (!line) {
      afterBlank = true;
      continue;
    }
    const previous = lines.at(-1);
    if (!afterBlank && previous !== undefined && continues(previous, line)) {
      lines[lines.length - 1] = `${previous} ${line}`;
    } else {
      lines.push(line);
    }
    afterBlank = false;
  }
  return lines;
}

function cleanLine(line: string): string {
  return line
    .replace(/\u00a0/g, " ")
    .replace(/\s*\t+\s*/g, " | ")
    .replace(/ {2,}/g, " ")
    .replace(/^\s*\|\s*|\s*\|\s*$/g, "")
    .trim();
}
