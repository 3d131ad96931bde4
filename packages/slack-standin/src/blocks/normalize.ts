import { randomInt } from "node:crypto";
import type { Block } from "../state/types";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Slack stores blocks with a `block_id` on every block and an `action_id` on every interactive
 * element, inventing short random ones when the app sent none. Payloads (state.values, actions)
 * are keyed by them, so the stand-in does the same on a copy.
 */
export function withSlackIds(blocks: Block[]): Block[] {
  return structuredClone(blocks).map((block) => {
    if (typeof block.block_id !== "string") block.block_id = shortId();
    for (const el of interactiveElementsOf(block)) {
      if (typeof el.action_id !== "string") el.action_id = shortId();
    }
    return block;
  });
}

/** The elements of a block a user can act on (accessory, actions and context_actions elements, input element). */
export function interactiveElementsOf(block: Block): Block[] {
  const found: Block[] = [];
  if (isRecord(block.accessory)) found.push(block.accessory);
  if (isRecord(block.element)) found.push(block.element);
  if ((block.type === "actions" || block.type === "context_actions") && Array.isArray(block.elements))
    found.push(...block.elements.filter(isRecord));
  return found;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shortId(): string {
  const length = 4 + randomInt(2);
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
