import type { KnownBlock } from "@slack/types";
import type { MessageBuilder } from "slack-block-builder";

/** A message ready for chat.postMessage, respond() or ack(): blocks plus the plain-text fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function toSlackMessage(builder: MessageBuilder): SlackMessage {
  const built = builder.buildToObject() as { text?: string; blocks?: unknown[] };
  return { text: built.text ?? "", blocks: (built.blocks ?? []) as KnownBlock[] };
}
