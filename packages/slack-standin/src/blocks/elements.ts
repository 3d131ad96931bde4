import { z } from "zod";

/**
 * Block Kit composition objects and block elements with the limits Slack enforces
 * (Slack's documented Block Kit element limits). Unknown extra fields pass through.
 */

export const textObject = (max: number) =>
  z.looseObject({ type: z.enum(["plain_text", "mrkdwn"]), text: z.string().min(1).max(max) });

export const plainText = (max: number) =>
  z.looseObject({ type: z.literal("plain_text"), text: z.string().min(1).max(max), emoji: z.boolean().optional() });

export const id255 = z.string().min(1).max(255);

const option = z.looseObject({
  text: textObject(75),
  value: z.string().max(150).optional(),
  description: textObject(75).optional(),
  url: z.string().max(3000).optional(),
});

const optionGroup = z.looseObject({ label: plainText(75), options: z.array(option).min(1).max(100) });

const confirm = z.looseObject({
  title: plainText(100),
  text: textObject(300),
  confirm: plainText(30),
  deny: plainText(30),
});

const interactive = { action_id: id255.optional(), confirm: confirm.optional() };
const placeholder = plainText(150).optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const button = z.looseObject({
  type: z.literal("button"),
  text: plainText(75),
  value: z.string().max(2000).optional(),
  url: z.string().max(3000).optional(),
  style: z.enum(["primary", "danger"]).optional(),
  accessibility_label: z.string().max(75).optional(),
  ...interactive,
});

const staticSelect = z.looseObject({
  type: z.literal("static_select"),
  placeholder,
  options: z.array(option).min(1).max(100).optional(),
  option_groups: z.array(optionGroup).min(1).max(100).optional(),
  initial_option: option.optional(),
  ...interactive,
});

const multiStaticSelect = z.looseObject({
  type: z.literal("multi_static_select"),
  placeholder,
  options: z.array(option).min(1).max(100).optional(),
  option_groups: z.array(optionGroup).min(1).max(100).optional(),
  initial_options: z.array(option).optional(),
  max_selected_items: z.number().int().min(1).optional(),
  ...interactive,
});

const overflow = z.looseObject({ type: z.literal("overflow"), options: z.array(option).min(1).max(5), ...interactive });

const checkboxes = z.looseObject({
  type: z.literal("checkboxes"),
  options: z.array(option).min(1).max(10),
  initial_options: z.array(option).optional(),
  ...interactive,
});

const radioButtons = z.looseObject({
  type: z.literal("radio_buttons"),
  options: z.array(option).min(1).max(10),
  initial_option: option.optional(),
  ...interactive,
});

const plainTextInput = z.looseObject({
  type: z.literal("plain_text_input"),
  placeholder,
  initial_value: z.string().max(3000).optional(),
  multiline: z.boolean().optional(),
  min_length: z.number().int().min(0).max(3000).optional(),
  max_length: z.number().int().min(1).max(3000).optional(),
  ...interactive,
});

const datepicker = z.looseObject({
  type: z.literal("datepicker"),
  placeholder,
  initial_date: isoDate.optional(),
  ...interactive,
});

const imageElement = z.looseObject({
  type: z.literal("image"),
  image_url: z.string().max(3000).optional(),
  slack_file: z.looseObject({}).optional(),
  alt_text: z.string().min(1).max(2000),
});

/** Elements checked only for their type (their own limits are not modelled). */
const otherElementTypes = [
  "timepicker",
  "datetimepicker",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
  "external_select",
  "multi_external_select",
  "email_text_input",
  "number_input",
  "url_text_input",
  "rich_text_input",
  "file_input",
  "workflow_button",
] as const;

const looselyChecked = otherElementTypes.map((type) => z.looseObject({ type: z.literal(type), ...interactive }));

export const element = z.discriminatedUnion("type", [
  button,
  staticSelect,
  multiStaticSelect,
  overflow,
  checkboxes,
  radioButtons,
  plainTextInput,
  datepicker,
  imageElement,
  ...looselyChecked,
]);

export const contextElement = z.discriminatedUnion("type", [
  textObject(3000).extend({ type: z.literal("plain_text") }),
  textObject(3000).extend({ type: z.literal("mrkdwn") }),
  imageElement,
]);

const feedbackButton = z.looseObject({
  text: plainText(75),
  value: z.string().min(1).max(2000),
  accessibility_label: z.string().max(75).optional(),
});

/** The elements a context_actions block takes: feedback buttons (thumbs up and down) and icon buttons. */
export const contextActionsElement = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("feedback_buttons"),
    action_id: id255.optional(),
    positive_button: feedbackButton,
    negative_button: feedbackButton,
  }),
  z.looseObject({
    type: z.literal("icon_button"),
    icon: z.string().min(1),
    text: plainText(75),
    value: z.string().max(2000).optional(),
    ...interactive,
  }),
]);
