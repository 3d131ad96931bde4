import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { checkObjectives, checkPassages, checkSources } from "./cross-references";
import { ProblemList } from "./problems";
import type { Source } from "./schema";
import { listFileSchema, type Objective, objectiveSchema, type Passage, passageSchema, sourceSchema } from "./schema";

export { KnowledgeBaseError, type KnowledgeBaseProblem } from "./problems";
export type { Objective, Passage, Source } from "./schema";

export interface KnowledgeBase {
  objectives: Objective[];
  sources: Map<string, Source>;
  passages: Passage[];
}

const SOURCES_FILE = "sources.yaml";
const OBJECTIVES_FILE = "objectives.yaml";
const PASSAGES_DIR = "passages";

/**
 * Reads and validates the knowledge base in `dir` (sources.yaml, objectives.yaml, passages/*.yaml).
 * Every mistake found is collected; if there is any, throws one KnowledgeBaseError listing them all
 * as "file: field.path: reason".
 */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const problems = new ProblemList();

  const sourcesFile = path.join(dir, SOURCES_FILE);
  const sources = readList(sourcesFile, "sources", sourceSchema, problems);
  // Every other file cites sources: without them each citation would be reported as unknown.
  if (!sources.complete) problems.throwIfAny();
  const sourceMap = checkSources(sourcesFile, sources.items, problems);

  const objectivesFile = path.join(dir, OBJECTIVES_FILE);
  const objectives = readList(objectivesFile, "objectives", objectiveSchema, problems);
  checkObjectives(objectivesFile, objectives.items, sourceMap, problems, { checkAllPresent: objectives.complete });

  // When objectives.yaml itself is broken, judge passages against 1-4 rather than report every one.
  const validObjectives = objectives.items.filter((objective) => objective !== undefined);
  const objectiveNumbers = new Set(
    objectives.complete ? validObjectives.map((objective) => objective.number) : [1, 2, 3, 4],
  );
  const seenPassageIds = new Map<string, string>();
  const passages: Passage[] = [];
  for (const file of listPassageFiles(path.join(dir, PASSAGES_DIR), problems)) {
    const filePassages = readList(file, "passages", passageSchema, problems).items;
    checkPassages(file, filePassages, { sources: sourceMap, objectiveNumbers, seenPassageIds }, problems);
    passages.push(...filePassages.filter((passage) => passage !== undefined));
  }

  problems.throwIfAny();
  return {
    objectives: validObjectives.sort((a, b) => a.number - b.number),
    sources: sourceMap,
    passages,
  };
}

function listPassageFiles(passagesDir: string, problems: ProblemList): string[] {
  try {
    const names = readdirSync(passagesDir).filter((name) => /\.ya?ml$/i.test(name));
    if (names.length === 0) problems.add(passagesDir, "", "holds no .yaml file");
    return names.sort().map((name) => path.join(passagesDir, name));
  } catch (error) {
    problems.add(passagesDir, "", `cannot read the folder (${describe(error)})`);
    return [];
  }
}

interface ReadList<T> {
  /** Valid items at their original positions; undefined where an item was invalid. */
  items: (T | undefined)[];
  /** True when the file was read and every item was valid. */
  complete: boolean;
}

function readList<T>(file: string, key: string, itemSchema: z.ZodType<T>, problems: ProblemList): ReadList<T> {
  const document = readYaml(file, problems);
  if (document === undefined) return { items: [], complete: false };
  const shape = listFileSchema(key).safeParse(document);
  if (!shape.success) {
    reportIssues(file, [], shape.error.issues, problems);
    return { items: [], complete: false };
  }
  const rawItems = shape.data[key] ?? [];
  const items = rawItems.map((raw, index) => {
    const parsed = itemSchema.safeParse(raw, { reportInput: true });
    if (parsed.success) return parsed.data;
    reportIssues(file, [key, index], parsed.error.issues, problems);
    return undefined;
  });
  return { items, complete: items.every((item) => item !== undefined) };
}

function readYaml(file: string, problems: ProblemList): unknown {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    problems.add(file, "", `cannot read the file (${describe(error)})`);
    return undefined;
  }
  const document = parseDocument(content);
  const syntaxError = document.errors[0];
  if (!syntaxError) return document.toJS();
  const line = syntaxError.linePos?.[0]?.line;
  problems.add(
    file,
    line === undefined ? "" : `line ${line}`,
    `YAML syntax error: ${syntaxError.message.split("\n")[0]}`,
  );
  return undefined;
}

function reportIssues(file: string, prefix: PropertyKey[], issues: z.core.$ZodIssue[], problems: ProblemList): void {
  for (const issue of issues) {
    const missing = issue.code === "invalid_type" && "input" in issue && issue.input === undefined;
    problems.add(file, [...prefix, ...issue.path], missing ? "is required" : issue.message);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}
