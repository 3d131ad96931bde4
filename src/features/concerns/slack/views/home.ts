import { Blocks, Elements, Md, type ViewBlockBuilder } from "slack-block-builder";
import { ACTIONS } from "../../../../slack/ids";
import type { HomeSummary } from "../../domain";
import { londonDateLabel } from "../../domain/time-labels";
import { countsText } from "./lists";
import { reference, STATUS_LABELS } from "./text";

/** App Home: "My concerns", and for concern leads the counts by status and objective. */
export function concernsHomeBlocks(summary: HomeSummary): ViewBlockBuilder[] {
  const mine = summary.mine.map(
    (concern) =>
      `${Md.bold(reference(concern))} · ${STATUS_LABELS[concern.status]} · raised ${londonDateLabel(concern.createdAt)}`,
  );
  return [
    Blocks.Divider(),
    Blocks.Header({ text: "My concerns" }),
    Blocks.Section({
      text: mine.length ? mine.join("\n") : "You have not raised any concerns by name or confidentially.",
    }).accessory(Elements.Button({ text: "Log a concern", actionId: ACTIONS.concernNewFromHome })),
    Blocks.Context().elements(
      "Anonymous concerns are not linked to you: follow them with `/concerns status CON-0042 <receipt code>`.",
    ),
    ...(summary.counts
      ? [Blocks.Header({ text: "Concerns (for leads)" }), Blocks.Section({ text: countsText(summary.counts) })]
      : []),
  ];
}
