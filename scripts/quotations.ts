/**
 * Verbatim quotations in the knowledge base, and the lock that records that each was checked against
 * the source texts: shared by scripts/verify-quotations.ts (which checks and writes the lock) and the
 * unit test test/features/objectives/domain/quotations.test.ts (which checks the lock is up to date).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import type { KnowledgeBase } from "../src/features/objectives/domain/knowledge-base";

export const LOCK_FILE = "quotations.lock.yaml";
export const VERIFY_COMMAND = "npx tsx scripts/verify-quotations.ts --sources <folder> [--sources <folder> ...]";

export interface Quotation {
  /** The passage id, or "objective N" for a quote under an objective. */
  where: string;
  /** The id (in sources.yaml) of the source the knowledge base cites for it. */
  source: string;
  text: string;
}

export interface LockEntry {
  where: string;
  source: string;
  /** sha256 of the quotation's text after plain(). */
  sha256: string;
}

/** Every verbatim quotation in the knowledge base: quotation passages, then the objectives' quotes. */
export function quotationsIn(kb: KnowledgeBase): Quotation[] {
  return [
    ...kb.passages.filter((p) => p.kind === "quotation").map((p) => ({ where: p.id, source: p.source, text: p.text })),
    ...kb.objectives.flatMap((o) =>
      o.quotes.map((q) => ({ where: `objective ${o.number}`, source: q.source, text: q.text })),
    ),
  ];
}

/** Typography aside (curly quotes, dash styles, spacing), the words must be the same. */
export function plain(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s*[–—-]\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim();
}

/** An editorial "[word]" stands for a correction or clarification of up to two words of the original. */
export function asPattern(quotation: string): RegExp {
  const parts = plain(quotation).split(/(\[[^\]]+\])/);
  const pattern = parts
    .map((part) =>
      part.startsWith("[") ? String.raw`(?:\[[^\]]+\]|\S+(?: \S+)?)` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(pattern);
}

/** True when the quotation appears in `originals` (already passed through plain()). */
export function isQuotedFrom(originals: string, quotation: string): boolean {
  return asPattern(quotation).test(originals);
}

/** The files directly in each folder, read and joined, through plain(): what quotations are checked against. */
export function readOriginals(folders: string[]): { text: string; files: number } {
  const texts: string[] = [];
  for (const folder of folders) {
    const names = readdirSync(folder).sort();
    for (const name of names) {
      const file = path.join(folder, name);
      if (statSync(file).isFile()) texts.push(readFileSync(file, "utf8"));
    }
  }
  return { text: plain(texts.join("\n")), files: texts.length };
}

export function quotationHash(text: string): string {
  return createHash("sha256").update(plain(text), "utf8").digest("hex");
}

export function lockEntryFor(quotation: Quotation): LockEntry {
  return { where: quotation.where, source: quotation.source, sha256: quotationHash(quotation.text) };
}

export function lockPath(knowledgeDir: string): string {
  return path.join(knowledgeDir, LOCK_FILE);
}

/** The lock's entries; an empty list when there is no lock yet. */
export function readLock(knowledgeDir: string): LockEntry[] {
  let content: string;
  try {
    content = readFileSync(lockPath(knowledgeDir), "utf8");
  } catch {
    return [];
  }
  const parsed = parse(content) as { quotations?: Partial<LockEntry>[] } | null;
  return (parsed?.quotations ?? []).map((entry) => ({
    where: String(entry.where),
    source: String(entry.source),
    sha256: String(entry.sha256),
  }));
}

const LOCK_HEADER = `# Every verbatim quotation in the knowledge base, recorded after it was found word for word in the
# source texts. Written by
#   ${VERIFY_COMMAND}
# (one --sources per folder of source texts, e.g. the seed articles and the source digests), which
# rewrites this file only when every quotation is found. Do not edit it by hand: the unit test
# test/features/objectives/domain/quotations.test.ts fails for any quotation added or changed since.
# where: passage id, or "objective N"; source: the source id the knowledge base cites;
# sha256: of the quotation's text with typography normalised (curly quotes, dashes, spacing).
`;

export function writeLock(knowledgeDir: string, quotations: Quotation[]): void {
  const entries = quotations.map(lockEntryFor);
  writeFileSync(lockPath(knowledgeDir), LOCK_HEADER + stringify({ quotations: entries }, { lineWidth: 0 }));
}

/** Why the lock does not vouch for this quotation as it now reads, or null when it does. */
export function lockProblem(quotation: Quotation, lock: LockEntry[]): string | null {
  const hash = quotationHash(quotation.text);
  const entry = lock.find((e) => e.where === quotation.where && e.sha256 === hash);
  const rerun = `Check it against the source texts and record it: ${VERIFY_COMMAND}`;
  if (!entry) {
    return `${quotation.where}: the quotation "${quotation.text}" (source ${quotation.source}) is not in knowledge/${LOCK_FILE} as it now reads: it was added or edited without being checked against its source. ${rerun}`;
  }
  if (entry.source !== quotation.source) {
    return `${quotation.where}: the quotation "${quotation.text}" now cites source ${quotation.source}, but was checked as from ${entry.source}. ${rerun}`;
  }
  return null;
}

/** Lock entries that match no quotation in the knowledge base any more. */
export function staleEntries(quotations: Quotation[], lock: LockEntry[]): LockEntry[] {
  const current = new Set(quotations.map((q) => `${q.where}\n${quotationHash(q.text)}`));
  return lock.filter((entry) => !current.has(`${entry.where}\n${entry.sha256}`));
}
