import { z } from "zod";
import { contextActionsElement, contextElement, element, id255, plainText, textObject } from "./elements";

/** Layout blocks with Slack's limits; types not listed here are refused as unsupported. */

const blockId = id255.optional();

const section = z
  .looseObject({
    type: z.literal("section"),
    block_id: blockId,
    text: textObject(3000).optional(),
    fields: z.array(textObject(2000)).min(1).max(10).optional(),
    accessory: element.optional(),
  })
  .refine((block) => block.text !== undefined || block.fields !== undefined, {
    message: "must provide either `text` or `fields`",
  });

const header = z.looseObject({ type: z.literal("header"), block_id: blockId, text: plainText(150) });
const divider = z.looseObject({ type: z.literal("divider"), block_id: blockId });

const context = z.looseObject({
  type: z.literal("context"),
  block_id: blockId,
  elements: z.array(contextElement).min(1).max(10),
});

const actions = z.looseObject({
  type: z.literal("actions"),
  block_id: blockId,
  elements: z.array(element).min(1).max(25),
});

const input = z.looseObject({
  type: z.literal("input"),
  block_id: blockId,
  label: plainText(2000),
  element,
  hint: plainText(2000).optional(),
  optional: z.boolean().optional(),
  dispatch_action: z.boolean().optional(),
});

const image = z.looseObject({
  type: z.literal("image"),
  block_id: blockId,
  image_url: z.string().max(3000).optional(),
  slack_file: z.looseObject({}).optional(),
  alt_text: z.string().min(1).max(2000),
  title: plainText(2000).optional(),
});

const markdown = z.looseObject({ type: z.literal("markdown"), block_id: blockId, text: z.string().min(1).max(12_000) });
const richText = z.looseObject({
  type: z.literal("rich_text"),
  block_id: blockId,
  elements: z.array(z.looseObject({})),
});

/** Feedback buttons and icon buttons, drawn by Slack as quiet actions under a message. */
const contextActions = z.looseObject({
  type: z.literal("context_actions"),
  block_id: blockId,
  elements: z.array(contextActionsElement).min(1).max(5),
});

const looselyChecked = (["file", "video", "table"] as const).map((type) =>
  z.looseObject({ type: z.literal(type), block_id: blockId }),
);

export const block = z.discriminatedUnion("type", [
  section,
  header,
  divider,
  context,
  actions,
  input,
  image,
  markdown,
  richText,
  contextActions,
  ...looselyChecked,
]);

export const blockList = z.array(block);
