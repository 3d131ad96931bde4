/**
 * What the learned models (src/features/objectives/domain/learned-objectives.ts, and the decision of
 * whether to answer, learned-answerable.ts) cost an answer: the tuning half's questions asked of the
 * knowledge base with the shipped models, without the decision, and without either (the baseline), in
 * alternating rounds in the same process, after a warm-up of each. Each
 * question is asked afresh (its words' evidence is cached by the index, as in a running bot).
 *
 *   npx tsx bench/objectives-models.ts [--rounds 5]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createObjectivesAssistant } from "../src/features/objectives/domain/answer";
import { parseQuestionFile } from "../src/features/objectives/domain/evaluation";
import { loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import { percentile } from "./stats";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } } });
const rounds = Number(values.rounds);

const kb = loadKnowledgeBase("knowledge");
const questions = parseQuestionFile(readFileSync("test/fixtures/questions/tuning.yaml", "utf8")).map(({ q }) => q);
const answerers = {
  "without models": createObjectivesAssistant(kb, { model: null, answerable: null }),
  "no decision": createObjectivesAssistant(kb, { answerable: null }),
  "with models": createObjectivesAssistant(kb),
};
const latencies: Record<string, number[]> = { "without models": [], "no decision": [], "with models": [] };

for (const assistant of Object.values(answerers)) for (const question of questions) assistant.ask(question);
for (let round = 0; round < rounds; round++) {
  for (const [name, assistant] of Object.entries(answerers)) {
    for (const question of questions) {
      const started = performance.now();
      assistant.ask(question);
      latencies[name]?.push(performance.now() - started);
    }
  }
}

console.log(
  `${questions.length} tuning questions x ${rounds} rounds, alternating, ${new Date().toISOString()}; ms a question:`,
);
for (const [name, values] of Object.entries(latencies)) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  console.log(
    `  ${name.padEnd(15)} mean ${mean.toFixed(3)}  p50 ${percentile(sorted, 50).toFixed(3)}  p99 ${percentile(sorted, 99).toFixed(3)}`,
  );
}
