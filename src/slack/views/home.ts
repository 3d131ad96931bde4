import { Blocks, Elements, HomeTab, Md } from "slack-block-builder";
import type { KnowledgeBase } from "../../domain/objectives/knowledge-base";
import type { DigestHomeSummary } from "../../minutes-feature";
import { ACTIONS } from "../ids";
import { digestHomeBlocks } from "./digest-home";
import { escapeMrkdwn } from "./format";
import { DATED_NOTE } from "./objectives";

export interface HomeView {
  type: "home";
  blocks: unknown[];
}

/** App Home: the four objectives at a glance (concerns and digests add their own sections). */
export function homeView(kb: KnowledgeBase, digests?: { summary: DigestHomeSummary; now: Date }): HomeView {
  const view = HomeTab().blocks(
    Blocks.Header({ text: "localism-bot" }),
    Blocks.Section({
      text: "The four strategic objectives the Secretary of State set the NHS Commissioning Board Authority on 23 April 2012. Use `/objectives` anywhere to read one or ask a question.",
    }),
    Blocks.Divider(),
    ...kb.objectives.map((objective) =>
      Blocks.Section({
        text: `${Md.bold(`${objective.number}. ${escapeMrkdwn(objective.title)}`)}${objective.overarching ? " _(first and overarching)_" : ""}\n${escapeMrkdwn(objective.summary)}`,
      }).accessory(Elements.Button({ text: "Details", actionId: `${ACTIONS.showObjective}_${objective.number}`, value: String(objective.number) })),
    ),
    Blocks.Context().elements(DATED_NOTE),
    ...(digests ? digestHomeBlocks(digests.summary, digests.now) : []),
  );
  return view.buildToObject() as HomeView;
}
