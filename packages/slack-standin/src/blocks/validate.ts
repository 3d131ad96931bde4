import { z } from "zod";
import { refuse } from "../errors";
import type { Block, ViewType } from "../state/types";
import type { ViewInput } from "../state/views";
import { plainText } from "./elements";
import { slackMessages } from "./issues";
import { blockList } from "./schemas";

export interface BlockKitLimits {
  /** Blocks per message. */
  messageMaxBlocks: number;
  /** Blocks per modal or Home tab. */
  viewMaxBlocks: number;
  /** Undocumented cumulative cap: JSON length of a message's blocks before msg_blocks_too_long. */
  messageBlocksMaxChars: number;
  /** A view's JSON over this many bytes is view_too_large. */
  viewMaxBytes: number;
}

export const defaultBlockKitLimits: BlockKitLimits = {
  messageMaxBlocks: 50,
  viewMaxBlocks: 100,
  messageBlocksMaxChars: 12_000,
  viewMaxBytes: 250_000,
};

/**
 * Checks the `blocks` of chat.postMessage / postEphemeral / update and response_url bodies.
 * Returns undefined when there are none; refuses with Slack's error codes otherwise.
 */
export function checkMessageBlocks(raw: unknown, limits: BlockKitLimits, cumulativeCap = true): Block[] | undefined {
  if (raw === undefined || raw === "") return undefined;
  const parsed = parseJsonValue(raw);
  if (!Array.isArray(parsed)) return refuse("invalid_blocks_format");
  const result = blockList.max(limits.messageMaxBlocks).safeParse(parsed, { reportInput: true });
  if (!result.success) return refuse("invalid_blocks", ...slackMessages(result.error.issues, "/blocks"));
  const blocks: Block[] = result.data;
  const duplicate = duplicateBlockId(blocks);
  if (duplicate) return refuse("invalid_blocks", `[ERROR] duplicate block_id: ${duplicate} [json-pointer:/blocks]`);
  if (cumulativeCap && JSON.stringify(blocks).length > limits.messageBlocksMaxChars)
    return refuse("msg_blocks_too_long");
  return blocks;
}

const viewText = plainText(24).optional();
const viewCommon = {
  private_metadata: z.string().max(3000).optional(),
  callback_id: z.string().max(255).optional(),
  external_id: z.string().max(255).optional(),
  clear_on_close: z.boolean().optional(),
  notify_on_close: z.boolean().optional(),
  submit_disabled: z.boolean().optional(),
};

function viewSchema(limits: BlockKitLimits) {
  const blocks = blockList.max(limits.viewMaxBlocks);
  const modal = z
    .looseObject({
      type: z.literal("modal"),
      title: plainText(24),
      submit: viewText,
      close: viewText,
      blocks,
      ...viewCommon,
    })
    .refine((v) => v.submit !== undefined || !v.blocks.some((b) => b.type === "input"), {
      message: "must define `submit` to use an `input` block in modals",
      path: ["blocks"],
    });
  const home = z.looseObject({ type: z.literal("home"), title: viewText, blocks, ...viewCommon });
  return z.discriminatedUnion("type", [modal, home]);
}

/** Checks a `view` argument of views.open / update / push / publish (invalid_arguments as Slack answers). */
export function checkView(raw: unknown, expected: ViewType | undefined, limits: BlockKitLimits): ViewInput {
  const parsed = parseJsonValue(raw);
  if (parsed === undefined)
    return refuse("invalid_arguments", "[ERROR] missing required field: view [json-pointer:/view]");
  if (JSON.stringify(parsed).length > limits.viewMaxBytes) return refuse("view_too_large");
  const result = viewSchema(limits).safeParse(parsed, { reportInput: true });
  if (!result.success) return refuse("invalid_arguments", ...slackMessages(result.error.issues, "/view"));
  const view: ViewInput = result.data;
  if (expected && view.type !== expected) {
    return refuse("invalid_arguments", `[ERROR] must be \`${expected}\` here [json-pointer:/view/type]`);
  }
  const duplicate = duplicateBlockId(view.blocks);
  if (duplicate)
    return refuse("invalid_arguments", `[ERROR] duplicate block_id: ${duplicate} [json-pointer:/view/blocks]`);
  return view;
}

/** Form-encoded calls carry JSON as strings; JSON calls carry the value itself. */
export function parseJsonValue(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function duplicateBlockId(blocks: Block[]): string | undefined {
  const seen = new Set<string>();
  for (const block of blocks) {
    const id = block.block_id;
    if (typeof id !== "string") continue;
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
