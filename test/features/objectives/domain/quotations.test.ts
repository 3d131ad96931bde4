import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";
import { sharedPath } from "../../../support/fixtures";

// The shared inputs beside the repo: the seed articles and the digests of the other sources.
const SHARED = sharedPath("");
const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../../knowledge", import.meta.url));
const kb = loadKnowledgeBase(KNOWLEDGE_DIR);

function readAll(folder: string): string {
  const dir = path.join(SHARED, folder);
  return readdirSync(dir).map((name) => readFileSync(path.join(dir, name), "utf8")).join("\n");
}

/** Typography aside (curly quotes, dash styles, spacing), the words must be the same. */
function plain(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s*[–—-]\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim();
}

/** An editorial "[word]" stands for a correction or clarification of up to two words of the original. */
function asPattern(quotation: string): RegExp {
  const parts = plain(quotation).split(/(\[[^\]]+\])/);
  const pattern = parts
    .map((part) => (part.startsWith("[") ? String.raw`(?:\[[^\]]+\]|\S+(?: \S+)?)` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(pattern);
}

const ORIGINALS = plain(`${readAll("seeds")}\n${readAll("sources")}`);

describe("quotations are the sources' own words", () => {
  const quotations = [
    ...kb.passages.filter((p) => p.kind === "quotation").map((p) => ({ where: p.id, text: p.text })),
    ...kb.objectives.flatMap((o) => o.quotes.map((q) => ({ where: `objective ${o.number}`, text: q.text }))),
  ];

  it.each(quotations)("$where: $text", ({ text }) => {
    expect(ORIGINALS).toMatch(asPattern(text));
  });

  it("summaries are never dressed up as a whole quotation", () => {
    const dressed = kb.passages.filter((p) => p.kind === "summary" && /^["“‘'].*["”’']\.?$/.test(p.text.trim()));
    expect(dressed.map((p) => p.id)).toEqual([]);
  });
});
