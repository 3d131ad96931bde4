import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { DocumentScore, EvaluationFigures, GoalName } from "../domain/evaluation";
import { EVALUATION_GOALS, f1, missedGoals } from "../domain/evaluation";
import { baselineVocabularyFrom } from "../domain/evaluation-baseline";
import { CorpusError, evaluateCorpus, loadCorpus } from "../domain/evaluation-corpus";
import { taggingVocabularyFrom } from "../domain/kb-vocabulary";

/**
 * `localism eval-minutes <folder> [--split tuning|test] [--json]`: scores extraction against the
 * labels beside each document, with a plain baseline for context and each document's problems.
 */
export async function evalMinutesCommand(
  core: Core,
  words: string[],
  flags: { json: boolean; split?: string },
  output: Output,
): Promise<number> {
  const [folder, ...extra] = words;
  if (!folder || extra.length > 0) {
    throw new UsageError(
      "Use: localism eval-minutes <folder> [--split tuning|test] [--json]   (documents with a YAML label beside each)",
    );
  }
  let documents: Awaited<ReturnType<typeof loadCorpus>>;
  try {
    documents = await loadCorpus(folder, flags.split);
  } catch (error) {
    if (error instanceof CorpusError || (error as NodeJS.ErrnoException).code === "ENOENT") {
      output.err(`localism: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
  if (documents.length === 0) {
    output.err(`localism: no labelled documents in ${folder} (each .html, .pdf or .txt needs a .yaml label beside it)`);
    return 1;
  }
  const { kb } = core.features.objectives;
  const evaluation = await evaluateCorpus(documents, taggingVocabularyFrom(kb), baselineVocabularyFrom(kb));
  const missed = missedGoals(evaluation.figures);
  if (flags.json) {
    output.out(
      json({
        folder,
        split: flags.split ?? null,
        figures: evaluation.figures,
        baseline: evaluation.baseline.figures,
        goals: EVALUATION_GOALS,
        goalsMet: missed.length === 0,
        missedGoals: missed,
        documents: evaluation.scores.map(documentJson),
      }),
    );
    return 0;
  }
  output.out(
    [
      `Extraction quality on ${documents.length} documents in ${folder}${flags.split ? ` (${flags.split} half)` : ""}`,
      "",
      figuresTable(evaluation.figures, evaluation.baseline.figures),
      "",
      missed.length === 0
        ? "All goals met."
        : `Goals missed: ${missed.map((goal) => `${LABELS[goal.goal]} ${format(goal.goal, goal.figure)} (goal ${format(goal.goal, goal.target)})`).join("; ")}.`,
      "",
      ...evaluation.scores.flatMap(documentLines),
    ].join("\n"),
  );
  return 0;
}

const LABELS: Record<GoalName | "actionTextF1" | "itemKindAccuracy", string> = {
  meetingDate: "Meeting date",
  attendeeF1: "Attendee F1",
  apologyF1: "Apology F1",
  itemF1: "Item F1",
  itemKindAccuracy: "Item kind (matched items)",
  actionF1: "Action F1 (text, owner, due)",
  actionTextF1: "Action F1 (text only)",
  objectivePrecision: "Objective precision",
  objectiveRecall: "Objective recall",
  autonomyPrecision: "Autonomy precision",
  autonomyRecall: "Autonomy recall",
  nonMinutesRecognised: "Minutes / not minutes right",
};

const ROWS: (keyof typeof LABELS)[] = [
  "meetingDate",
  "attendeeF1",
  "apologyF1",
  "itemF1",
  "itemKindAccuracy",
  "actionF1",
  "actionTextF1",
  "objectivePrecision",
  "objectiveRecall",
  "autonomyPrecision",
  "autonomyRecall",
  "nonMinutesRecognised",
];

const PERCENT = new Set<string>(["meetingDate", "nonMinutesRecognised", "itemKindAccuracy"]);

function format(name: string, value: number): string {
  return PERCENT.has(name) ? `${Math.round(value * 1000) / 10}%` : value.toFixed(2);
}

function figuresTable(figures: EvaluationFigures, baseline: EvaluationFigures): string {
  const goals = EVALUATION_GOALS as Partial<Record<string, number>>;
  const header = `${"".padEnd(30)}${"extraction".padStart(12)}${"baseline".padStart(12)}${"goal".padStart(10)}`;
  const rows = ROWS.map((name) => {
    const goal = goals[name];
    return `${LABELS[name].padEnd(30)}${format(name, figures[name]).padStart(12)}${format(name, baseline[name]).padStart(12)}${(goal === undefined ? "" : `>= ${format(name, goal)}`).padStart(10)}`;
  });
  const counts = figures.nonMinutes;
  return [
    header,
    ...rows,
    `Not minutes: ${counts.recognised} of ${counts.labelled} recognised; ${counts.minutesCalledNonMinutes} minutes documents called not minutes.`,
  ].join("\n");
}

function documentLines(score: DocumentScore): string[] {
  const summary = score.labelledMinutes
    ? `date ${score.dateCorrect ? "ok" : "wrong"}, attendees F1 ${f1(score.attendees).toFixed(2)}, apologies ${f1(score.apologies).toFixed(2)}, items ${f1(score.items).toFixed(2)}, actions ${f1(score.actions).toFixed(2)}`
    : score.extractedMinutes
      ? "not minutes, but taken as minutes"
      : `not minutes, recognised: ${score.notMinutesReason ?? "no reason given"}`;
  return [`${score.document}: ${summary}`, ...score.problems.map((problem) => `    ${problem}`)];
}

function documentJson(score: DocumentScore) {
  return {
    document: score.document,
    minutes: score.labelledMinutes,
    extractedMinutes: score.extractedMinutes,
    reason: score.notMinutesReason,
    dateCorrect: score.dateCorrect,
    attendeeF1: f1(score.attendees),
    apologyF1: f1(score.apologies),
    itemF1: f1(score.items),
    actionF1: f1(score.actions),
    counts: {
      attendees: score.attendees,
      apologies: score.apologies,
      items: score.items,
      actions: score.actions,
      actionTexts: score.actionTexts,
      objectives: score.objectives,
      autonomy: score.autonomy,
    },
    problems: score.problems,
  };
}
