import type { KnownBlock } from "@slack/types";
import { ACTIONS, BLOCKS } from "../../../../slack/ids";
import type { SlackMessage } from "../../../../slack/message";

/**
 * The answer only its asker sees, once shared: its "Share in channel" button reads "Shared" (and
 * does nothing), so the answer cannot be posted twice.
 */
export function markShared(message: SlackMessage): SlackMessage {
  return { ...message, blocks: message.blocks.map(sharedButton) };
}

function sharedButton(block: KnownBlock): KnownBlock {
  if (block.type !== "actions" || block.block_id !== BLOCKS.answerFeedback) return block;
  return {
    ...block,
    elements: block.elements.map((element) =>
      element.type === "button" && element.action_id === ACTIONS.shareAnswer
        ? {
            type: "button",
            text: { type: "plain_text", text: "Shared" },
            action_id: ACTIONS.answerShared,
            ...(element.value ? { value: element.value } : {}),
            accessibility_label: "Already shared in the channel",
          }
        : element,
    ),
  };
}
