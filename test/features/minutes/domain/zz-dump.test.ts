import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { it } from "vitest";
import { agendaItems } from "../../../../src/features/minutes/domain/evaluation";
import { extractCorpusDocument, loadCorpus } from "../../../../src/features/minutes/domain/evaluation-corpus";
import { taggingVocabularyFrom } from "../../../../src/features/minutes/domain/kb-vocabulary";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";

const CORPUS = fileURLToPath(new URL("../../../fixtures/minutes-corpus", import.meta.url));
const kb = loadKnowledgeBase(fileURLToPath(new URL("../../../../knowledge", import.meta.url)));
it("dump tuning items", async () => {
  const out: unknown[] = [];
  for (const document of await loadCorpus(CORPUS, "tuning")) {
    if (!document.label.minutes) continue;
    const { extraction } = await extractCorpusDocument(document, taggingVocabularyFrom(kb));
    const agenda = agendaItems(extraction.items as never);
    for (const label of document.label.items) {
      const want = label.text.replace(/\s+/g, " ");
      const entry = agenda.find((a) => `${a.heading ?? ""} ${a.text}`.replace(/\s+/g, " ").includes(want));
      out.push({
        doc: document.label.document,
        heading: label.heading,
        text: entry ? `${entry.heading} ${entry.text}` : label.text,
        objectives: label.objectives,
        autonomy: label.autonomy,
        got: entry?.items.flatMap((i) => (i as { objectives: number[] }).objectives),
      });
    }
  }
  writeFileSync("/tmp/mp/tuning-items.json", JSON.stringify(out));
}, 120000);
