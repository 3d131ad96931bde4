import { fileURLToPath } from "node:url";
import { assert, describe, expect, it } from "vitest";
import {
  asPattern,
  isQuotedFrom,
  lockProblem,
  plain,
  quotationHash,
  quotationsIn,
  readLock,
  staleEntries,
  VERIFY_COMMAND,
} from "../../../../scripts/quotations";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";

// The source texts are not in the repository: scripts/verify-quotations.ts checks the quotations
// against them where they are available and records each one it found in knowledge/quotations.lock.yaml.
// Here we check that the lock vouches for every quotation exactly as it now reads.
const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../../knowledge", import.meta.url));
const kb = loadKnowledgeBase(KNOWLEDGE_DIR);
const lock = readLock(KNOWLEDGE_DIR);
const quotations = quotationsIn(kb);

describe("quotations are the sources' own words (checked by scripts/verify-quotations.ts, recorded in knowledge/quotations.lock.yaml)", () => {
  it("finds the quotations in the knowledge base", () => {
    expect(quotations.length).toBeGreaterThan(0);
  });

  it.each(quotations)("$where: $text", (quotation) => {
    const problem = lockProblem(quotation, lock);
    if (problem) assert.fail(problem);
  });

  it("the lock records no quotation that is no longer in the knowledge base", () => {
    const stale = staleEntries(quotations, lock);
    if (stale.length > 0) {
      const listed = stale
        .map((entry) => `${entry.where} (source ${entry.source}, sha256 ${entry.sha256.slice(0, 12)}…)`)
        .join("; ");
      assert.fail(
        `knowledge/quotations.lock.yaml records quotations the knowledge base no longer has: ${listed}. Rewrite the lock with: ${VERIFY_COMMAND}`,
      );
    }
  });

  it("summaries are never dressed up as a whole quotation", () => {
    const dressed = kb.passages.filter((p) => p.kind === "summary" && /^["“‘'].*["”’']\.?$/.test(p.text.trim()));
    expect(dressed.map((p) => p.id)).toEqual([]);
  });
});

describe("the lock notices an unchecked change", () => {
  const quotation = {
    where: "example-quote",
    source: "example-source",
    text: "Power should sit with local organisations.",
  };
  const locked = [{ where: "example-quote", source: "example-source", sha256: quotationHash(quotation.text) }];

  it("accepts the quotation it recorded, typography aside", () => {
    expect(lockProblem(quotation, locked)).toBeNull();
    expect(lockProblem({ ...quotation, text: "Power  should sit with local organisations." }, locked)).toBeNull();
  });

  it("names an edited or new quotation and the command that records it", () => {
    const problem = lockProblem({ ...quotation, text: "Power should sit with national organisations." }, locked);
    expect(problem).toContain('example-quote: the quotation "Power should sit with national organisations."');
    expect(problem).toContain("npx tsx scripts/verify-quotations.ts --sources");
    expect(lockProblem({ ...quotation, where: "another-quote" }, locked)).toContain("another-quote:");
  });

  it("notices a quotation now credited to another source", () => {
    expect(lockProblem({ ...quotation, source: "other-source" }, locked)).toContain(
      "now cites source other-source, but was checked as from example-source",
    );
  });

  it("lists entries for quotations that are gone", () => {
    expect(staleEntries([], locked)).toEqual(locked);
    expect(staleEntries([quotation], locked)).toEqual([]);
  });
});

describe("matching a quotation against the source texts (as scripts/verify-quotations.ts does)", () => {
  const originals = plain(
    "He said: “The first – and overarching – objective is to design the Board so that it transfers power.” Then he left.",
  );

  it("ignores curly quotes, dash styles and spacing", () => {
    expect(isQuotedFrom(originals, "The first - and overarching - objective is to design the Board")).toBe(true);
    expect(isQuotedFrom(originals, "The first—and overarching—objective is to design  the Board")).toBe(true);
  });

  it("lets an editorial [word] stand for up to two words of the original", () => {
    expect(isQuotedFrom(originals, "objective is to [shape] the Board")).toBe(true);
    expect(isQuotedFrom(originals, "so that [the Board] transfers power")).toBe(true);
    expect(asPattern("[this] is the [end].").test("that is the final end.")).toBe(true);
  });

  it("rejects changed words", () => {
    expect(isQuotedFrom(originals, "The first and overarching objective is to design the Board")).toBe(false);
    expect(isQuotedFrom(originals, "objective is to design the Authority")).toBe(false);
  });
});
