import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, stringify } from "yaml";
import { z } from "zod";
import { UsageError } from "../../../cli/duration";
import type { Output } from "../../../cli/output";
import type { Core } from "../../../core";
import { type ApprovedAnswer, londonDay } from "../domain/approved-answers";

export const APPROVED_ANSWERS_FILE = "approved-answers.yaml";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "should be a date like 2026-11-26" });

const entrySchema = z.object({
  id: z.string().min(1).optional(),
  workspace: z.string().regex(/^[TE][A-Z0-9]+$/, { message: "should be a Slack workspace id like T0123ABCD" }),
  question: z.string().min(1),
  answer: z.string().min(1).max(3000),
  source: z.string().nullish(),
  author: z.object({ id: z.string().regex(/^[UW][A-Z0-9]+$/), name: z.string().min(1) }),
  approved: day,
  reviewBy: day,
});

const fileSchema = z.object({ answers: z.array(entrySchema).default([]) });

const HEADER = `# Answers approved by the workspace's policy leads (localism answers export). Review them like the
# rest of the knowledge base; \`localism answers import\` stores edits back (by id; an entry without an id is
# added). An answer left out of the file is not withdrawn by an import: withdraw it in Slack.
`;

/** `localism answers export|import [--file path]`: approved answers to and from YAML in the knowledge folder. */
export async function answersCommand(
  core: Core,
  args: string[],
  flags: { file?: string },
  output: Output,
): Promise<void> {
  const [action] = args;
  const file = path.resolve(flags.file ?? path.join(core.config.knowledgeDir, APPROVED_ANSWERS_FILE));
  if (action === "export") return exportAnswers(core, file, output);
  if (action === "import") return importAnswers(core, file, output);
  throw new UsageError("Say what to do: localism answers export [--file path] | import [--file path]");
}

async function exportAnswers(core: Core, file: string, output: Output): Promise<void> {
  const answers = await core.features.objectives.approvedAnswers.all();
  const entries = answers.map((answer) => ({
    id: answer.id,
    workspace: answer.workspaceId,
    question: answer.question,
    answer: answer.answer,
    ...(answer.source ? { source: answer.source } : {}),
    author: { id: answer.authorId, name: answer.authorName },
    approved: londonDay(answer.approvedAt),
    reviewBy: answer.reviewBy,
  }));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${HEADER}${stringify({ answers: entries }, { lineWidth: 0 })}`);
  output.out(`Wrote ${entries.length} approved ${entries.length === 1 ? "answer" : "answers"} to ${file}`);
}

async function importAnswers(core: Core, file: string, output: Output): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new UsageError(`${file} is not valid YAML: ${document.errors[0]?.message}`);
  const parsed = fileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new UsageError(`${file} has problems; nothing was imported:\n${problems.join("\n")}`);
  }
  const store = core.features.objectives.approvedAnswers;
  const now = core.clock.now();
  let added = 0;
  let updated = 0;
  for (const entry of parsed.data.answers) {
    const existing = entry.id ? await store.find(entry.id) : null;
    const answer: ApprovedAnswer = {
      id: entry.id ?? randomUUID(),
      workspaceId: entry.workspace,
      question: entry.question,
      answer: entry.answer,
      source: entry.source ?? null,
      authorId: entry.author.id,
      authorName: entry.author.name,
      approvedAt:
        existing && sameDay(existing.approvedAt, entry.approved)
          ? existing.approvedAt
          : new Date(`${entry.approved}T12:00:00Z`),
      reviewBy: entry.reviewBy,
    };
    await store.save(answer, now);
    if (existing) updated += 1;
    else added += 1;
  }
  output.out(`Imported ${added + updated} approved answers from ${file} (${added} added, ${updated} updated)`);
}

function sameDay(date: Date, day: string): boolean {
  return londonDay(date) === day;
}
