import type { KnowledgeBase, Objective } from "../../domain/knowledge-base";
import { objectiveDetailMessage } from "./objectives";

/** One objective in full as a modal, for buttons pressed where there is no message to reply to (App Home). */
export function objectiveModal(kb: KnowledgeBase, objective: Objective) {
  return {
    type: "modal" as const,
    title: { type: "plain_text" as const, text: `Objective ${objective.number}` },
    close: { type: "plain_text" as const, text: "Close" },
    blocks: objectiveDetailMessage(kb, objective).blocks,
  };
}
