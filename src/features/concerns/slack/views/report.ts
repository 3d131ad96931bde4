import { Blocks, Md, Message } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import {
  type ConcernReport,
  countText,
  objectiveRowLabel,
  periodSentence,
  REPORT_STATUSES,
  reportTitle,
  SUPPRESSION_SENTENCE,
  timeSentence,
} from "../../domain";
import { STATUS_LABELS } from "./text";

/** `/concerns report 2013Q1`: the figures at a glance; the whole report goes to the lead's DM as a file. */
export function reportSummaryMessage(report: ConcernReport, filename: string): SlackMessage {
  const lines = report.table.rows.map((row) => {
    const [total, ...statuses] = [row.cells.at(-1), ...row.cells.slice(0, -1)];
    const byStatus = REPORT_STATUSES.map(
      (status, i) => `${STATUS_LABELS[status].toLowerCase()} ${countText(statuses[i] ?? { kind: "hidden" })}`,
    );
    return `${Md.bold(escapeMrkdwn(objectiveRowLabel(row.objective)))}: ${countText(total ?? { kind: "hidden" })} (${byStatus.join(" · ")})`;
  });
  const themes = report.themes.length
    ? report.themes.map((theme) => `${escapeMrkdwn(theme.theme)} (${theme.count})`).join(" · ")
    : "none used in 5 or more concerns' notes";
  const text = `${reportTitle(report)}: ${countText(report.raised)} concerns raised`;
  return toSlackMessage(
    Message({ text }).blocks(
      Blocks.Header({ text: reportTitle(report).slice(0, 150) }),
      Blocks.Context().elements(periodSentence(report)),
      Blocks.Section({ text: `${Md.bold("Concerns raised")}: ${countText(report.raised)}\n${lines.join("\n")}` }),
      Blocks.Section({
        text: [
          timeSentence("Acknowledged", report.acknowledge, report.acknowledge.target),
          timeSentence("Resolved", report.resolve),
          `${Md.bold("Themes in the resolution notes")}: ${themes}`,
          `${Md.bold("What changed")}: ${report.changes.length} change${report.changes.length === 1 ? "" : "s"} recorded (listed in the file)`,
        ].join("\n"),
      }),
      Blocks.Context().elements(
        `${SUPPRESSION_SENTENCE}${report.leftOut ? " Concerns you have recused yourself from are not included." : ""}`,
      ),
      Blocks.Context().elements(
        `The whole report is in your direct messages (\`${filename}\`). From the server: \`npx localism concerns report --quarter ${report.quarter.key} --format md\``,
      ),
    ),
  );
}
