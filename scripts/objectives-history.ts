/**
 * Held out twice over: each later tuning batch asked of the engine as it stood when the batch was
 * written (before anything was tuned on it, from git history), alone and with the objectives model
 * fitted on the other batches at each weight tried. The engine of today was tuned on every batch, so
 * on the tuning half it leaves the model nothing to mend; the engine of the day shows what the model
 * adds on questions neither had met. Its "alone" column should match the batch's first score in
 * test/fixtures/questions/README.md. The model reads questions with the analysis of the day too.
 * Used by scripts/fit-objectives-model.ts, which prints it. It needs the repository's git history.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AskResult } from "../src/features/objectives/domain/answer";
import { evaluate } from "../src/features/objectives/domain/evaluation";
import {
  type Analyser,
  fitObjectiveModel,
  leanFirst,
  objectiveProbabilities,
} from "../src/features/objectives/domain/learned-objectives";
import type { SearchHit } from "../src/features/objectives/domain/search-document";
import { type Batch, type Figures, objectiveExamples, toFigures, WEIGHT_CANDIDATES } from "./objectives-model";

/** The commit whose engine first scored each batch: the batch's own commit when it held only the
 * questions, else the one before it. */
export const ENGINE_OF_THE_DAY: Record<string, string> = {
  sixth: "e2a768e^",
  seventh: "44f4a4f^",
  eighth: "16a2f57^",
  ninth: "0b059ed",
  tenth: "ab7f0a4",
  eleventh: "28e730f",
  twelfth: "4797884",
  thirteenth: "4c32629",
  fourteenth: "9a4a8e1",
  fifteenth: "55f2471",
  sixteenth: "c5ce75d",
  nineteenth: "f0b00fb",
};

/** Where each engine chooses its first passage: before the objectives model, and since (it leaned then). */
const FIRST_LINES = [
  "const [first, ...rest] = backgroundGivesWay(strong);",
  "const [first, ...rest] = backgroundGivesWay(learned);",
];
const HOOK = "__objectivesLean";

type Lean = <T extends { hit: SearchHit; rank: number }>(strong: T[], best: number) => T[] | undefined;
const hooks = globalThis as unknown as Record<string, Lean | undefined>;

interface OldEngine {
  createObjectivesAssistant(kb: unknown): { ask(question: string): AskResult };
  loadKnowledgeBase(folder: string): unknown;
  analyse: Analyser;
}

export async function engineAt(commit: string): Promise<OldEngine> {
  const sha = execFileSync("git", ["rev-parse", "--short", commit], { encoding: "utf8" }).trim();
  const folder = path.join(tmpdir(), "objectives-history", sha);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    const archive = execFileSync("git", ["archive", sha, "src", "knowledge"], { maxBuffer: 1 << 28 });
    execFileSync("tar", ["-x", "-C", folder], { input: archive });
    symlinkSync(realpathSync("node_modules"), path.join(folder, "node_modules"));
    const answerFile = path.join(folder, "src/features/objectives/domain/answer.ts");
    const source = readFileSync(answerFile, "utf8");
    const line = FIRST_LINES.find((candidate) => source.includes(candidate));
    if (!line) throw new Error(`${sha}: the first passage is not chosen where it was expected`);
    const own = line.includes("learned") ? "learned" : "strong";
    writeFileSync(
      answerFile,
      source.replace(
        line,
        `const [first, ...rest] = backgroundGivesWay((globalThis as any).${HOOK}?.(strong, best) ?? ${own});`,
      ),
    );
  }
  const domain = path.join(folder, "src/features/objectives/domain");
  const answer = await import(path.join(domain, "answer.ts"));
  const knowledge = await import(path.join(domain, "knowledge-base.ts"));
  const text = await import(path.join(domain, "text-analysis.ts"));
  return {
    createObjectivesAssistant: answer.createObjectivesAssistant,
    loadKnowledgeBase: (dir: string) => knowledge.loadKnowledgeBase(path.join(folder, dir)),
    analyse: text.analyse,
  };
}

export interface HistoryResult {
  batch: string;
  commit: string;
  /** Per weight, in the order given: the batch's figures. */
  figures: Figures[];
}

/** Each later batch asked of the engine of its day, with the model fitted on the other batches, at each weight. */
export async function replayHistory(
  batches: readonly Batch[],
  weights: readonly number[] = WEIGHT_CANDIDATES,
): Promise<HistoryResult[]> {
  const results: HistoryResult[] = [];
  for (const [name, commit] of Object.entries(ENGINE_OF_THE_DAY)) {
    const held = batches.find((batch) => batch.name === name);
    if (!held) throw new Error(`No ${name} batch`);
    const engine = await engineAt(commit);
    const assistant = engine.createObjectivesAssistant(engine.loadKnowledgeBase("knowledge"));
    const model = fitObjectiveModel(objectiveExamples(batches.filter((batch) => batch !== held)), 0, engine.analyse);
    const figures = weights.map((weight) => {
      const result = toFigures(
        evaluate((question) => {
          const probabilities = objectiveProbabilities(model, question, engine.analyse);
          // Weight 0: the engine as it was, with its own lean if it had one.
          hooks[HOOK] = (strong, best) => (weight === 0 ? undefined : leanFirst(strong, probabilities, weight, best));
          return assistant.ask(question);
        }, held.questions).categories,
      );
      hooks[HOOK] = undefined;
      return result;
    });
    results.push({ batch: name, commit, figures });
  }
  return results;
}
