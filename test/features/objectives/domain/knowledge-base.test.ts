import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeBaseError, loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../../knowledge", import.meta.url));

const SOURCES = `sources:
  - { id: hsj-2012-04-23, title: "Lansley letter", publisher: HSJ, date: "2012-04-23", url: "https://www.hsj.co.uk/x" }
`;
const objective = (number: number, extra = "") => `  - number: ${number}
    slug: objective-${number}
    title: Objective ${number}
    overarching: ${number === 1}
    summary: One line about objective ${number}.
    aliases: [alias${number}]
    expects: [{ text: Something expected., source: hsj-2012-04-23 }]
    inPractice: [{ text: What it means. }]
${extra}`;
const OBJECTIVES = `objectives:\n${[1, 2, 3, 4].map((n) => objective(n)).join("")}`;
const PASSAGES = `passages:
  - { id: letter-one, objective: 1, kind: summary, text: The letter transfers power., source: hsj-2012-04-23 }
  - { id: letter-two, objective: null, kind: quotation, text: Words said., speaker: Andrew Lansley, source: hsj-2012-04-23 }
`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kb-"));
  mkdirSync(path.join(dir, "passages"));
  write("sources.yaml", SOURCES);
  write("objectives.yaml", OBJECTIVES);
  write("passages/letter.yaml", PASSAGES);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, content: string): void {
  writeFileSync(path.join(dir, file), content);
}

function loadError(): KnowledgeBaseError {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error("expected the knowledge base to be rejected");
}

describe("loadKnowledgeBase on the real knowledge folder", () => {
  const kb = loadKnowledgeBase(KNOWLEDGE_DIR);

  it("has the four objectives in order, the first overarching", () => {
    expect(kb.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4]);
    expect(kb.objectives.filter((o) => o.overarching).map((o) => o.number)).toEqual([1]);
  });

  it("says honestly that nothing is known of what objective 3 asked for", () => {
    expect(kb.objectives[2]?.gaps).toMatch(/only its heading is known/);
  });

  it("holds between 40 and 80 passages, each citing a dated source", () => {
    expect(kb.passages.length).toBeGreaterThanOrEqual(40);
    expect(kb.passages.length).toBeLessThanOrEqual(80);
    for (const passage of kb.passages) expect(kb.sources.get(passage.source)?.date).toMatch(/^\d{4}/);
  });

  it("answers 'today' questions from the Health and Care Act 2022", () => {
    const today = kb.passages
      .filter((p) => p.source === "hca-2022")
      .map((p) => p.text)
      .join(" ");
    expect(today).toContain("1 July 2022");
    expect(today).toContain("integrated care boards");
    expect(kb.sources.get("hca-2022")?.url).toBe("https://www.legislation.gov.uk/ukpga/2022/31/contents");
  });
});

describe("loadKnowledgeBase errors name the file, the field and the reason", () => {
  it("loads a minimal valid folder", () => {
    const kb = loadKnowledgeBase(dir);
    expect(kb.passages.map((p) => p.id)).toEqual(["letter-one", "letter-two"]);
    expect(kb.sources.get("hsj-2012-04-23")?.publisher).toBe("HSJ");
  });

  it("reports a passage citing an unknown source", () => {
    write(
      "passages/letter.yaml",
      PASSAGES.replace(
        "text: The letter transfers power., source: hsj-2012-04-23",
        "text: The letter transfers power., source: hsj-2012",
      ),
    );
    expect(loadError().message).toContain(`passages/letter.yaml: passages[0].source: unknown source "hsj-2012"`);
  });

  it("reports a quotation without a speaker", () => {
    write("passages/letter.yaml", PASSAGES.replace(" speaker: Andrew Lansley,", ""));
    expect(loadError().message).toContain("passages/letter.yaml: passages[1].speaker: a quotation needs a speaker");
  });

  it("reports a missing required field and a misspelt one", () => {
    write(
      "passages/letter.yaml",
      PASSAGES.replace("text: The letter transfers power.,", "txt: The letter transfers power.,"),
    );
    const message = loadError().message;
    expect(message).toContain("passages/letter.yaml: passages[0].text: is required");
    expect(message).toMatch(/passages\/letter\.yaml: passages\[0\]: .*"txt"/);
  });

  it("reports a passage id used twice, naming both files", () => {
    write("passages/reactions.yaml", PASSAGES);
    const message = loadError().message;
    expect(message).toContain(`passages/reactions.yaml: passages[0].id: duplicate passage id "letter-one"`);
    expect(message).toContain("first used in");
    expect(message).toContain("passages/letter.yaml)");
  });

  it("reports a passage filed under an objective that does not exist", () => {
    write("passages/letter.yaml", PASSAGES.replace("objective: 1,", "objective: 5,"));
    expect(loadError().message).toContain("passages/letter.yaml: passages[0].objective: unknown objective 5");
  });

  it("reports objectives that are duplicated, missing or related to unknown numbers", () => {
    write(
      "objectives.yaml",
      `objectives:\n${objective(1, "    related: [7]\n")}${objective(1).replace("slug: objective-1", "slug: objective-1b").replace("[alias1]", "[other]")}${objective(2)}${objective(3)}`,
    );
    const message = loadError().message;
    expect(message).toContain("objectives.yaml: objectives[1].number: objective 1 appears more than once");
    expect(message).toContain("objectives.yaml: objectives: missing objective 4");
    expect(message).toContain("objectives.yaml: objectives[0].related[0]: unknown objective 7");
  });

  it("reports an alias that two objectives claim", () => {
    write("objectives.yaml", OBJECTIVES.replace("[alias2]", "[alias1]"));
    expect(loadError().message).toContain(
      `objectives.yaml: objectives[1].aliases[0]: alias "alias1" is already used by objective 1`,
    );
  });

  it("reports a malformed date and URL in sources", () => {
    write(
      "sources.yaml",
      SOURCES.replace(`"2012-04-23"`, `"23/04/2012"`).replace(`"https://www.hsj.co.uk/x"`, `"hsj article"`),
    );
    const message = loadError().message;
    expect(message).toContain(`sources.yaml: sources[0].date: must be "YYYY-MM-DD", "YYYY-MM" or "YYYY"`);
    expect(message).toContain("sources.yaml: sources[0].url: must be a full URL");
  });

  it("reports YAML syntax errors with the line", () => {
    write("passages/letter.yaml", `passages:\n  - id: broken\n    text: "unterminated\n`);
    expect(loadError().message).toMatch(/passages\/letter\.yaml: line \d+: YAML syntax error/);
  });

  it("reports a missing file", () => {
    rmSync(path.join(dir, "sources.yaml"));
    expect(loadError().message).toMatch(/sources\.yaml: cannot read the file \(ENOENT\)/);
  });

  it("lists every problem at once, still checking the valid items of a file with a broken one", () => {
    const brokenSecond = PASSAGES.replace(" speaker: Andrew Lansley,", "");
    write(
      "passages/letter.yaml",
      brokenSecond.replace("source: hsj-2012-04-23 }\n  - { id: letter-two", "source: nowhere }\n  - { id: letter-two"),
    );
    const error = loadError();
    expect(error.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual([
      "passages[1].speaker: a quotation needs a speaker",
      'passages[0].source: unknown source "nowhere"',
    ]);
    expect(error.problems.every((p) => p.file.endsWith(path.join("passages", "letter.yaml")))).toBe(true);
  });
});
