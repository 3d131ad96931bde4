import { isRecord } from "../../blocks/normalize";
import type { Block } from "../../state/types";

/** What a test says the user entered: text/date/option value, several option values, or nothing. */
export type UserInput = string | string[] | null;

/** The options an element offers (flat, option groups included), as Slack echoes them back. */
function optionsOf(element: Block): Block[] {
  const flat = Array.isArray(element.options) ? element.options.filter(isRecord) : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups
        .filter(isRecord)
        .flatMap((g) => (Array.isArray(g.options) ? g.options.filter(isRecord) : []))
    : [];
  return [...flat, ...grouped];
}

function pickOption(element: Block, value: string): Block {
  const option = optionsOf(element).find((o) => o.value === value);
  if (!option) {
    const offered = optionsOf(element)
      .map((o) => String(o.value))
      .join(", ");
    throw new Error(`${String(element.action_id)} offers no option "${value}" (offered: ${offered})`);
  }
  return option;
}

const single = (input: UserInput | undefined): string | null | undefined => (Array.isArray(input) ? input[0] : input);
const many = (input: UserInput | undefined): string[] | undefined =>
  input === undefined ? undefined : input === null ? [] : Array.isArray(input) ? input : [input];

type StateReader = (element: Block, input: UserInput | undefined) => Record<string, unknown>;

/** Nothing entered keeps the initial value; an emptied field is null, as Slack sends it. */
function entered(input: UserInput | undefined, initial: unknown): unknown {
  if (input === undefined) return initial ?? null;
  const value = single(input);
  return value === "" || value === undefined ? null : value;
}

const textValue: StateReader = (el, input) => ({ value: entered(input, el.initial_value) });

const oneOption: StateReader = (el, input) => {
  const value = single(input);
  return { selected_option: value ? pickOption(el, value) : value === null ? null : (el.initial_option ?? null) };
};

const someOptions: StateReader = (el, input) => ({
  selected_options: many(input)?.map((v) => pickOption(el, v)) ?? el.initial_options ?? [],
});

const readers: Record<string, StateReader> = {
  plain_text_input: textValue,
  email_text_input: textValue,
  url_text_input: textValue,
  number_input: textValue,
  static_select: oneOption,
  radio_buttons: oneOption,
  multi_static_select: someOptions,
  checkboxes: someOptions,
  overflow: (el, input) => ({ selected_option: pickOption(el, single(input) ?? "") }),
  datepicker: (el, input) => ({ selected_date: entered(input, el.initial_date) }),
  timepicker: (el, input) => ({ selected_time: entered(input, el.initial_time) }),
  users_select: (el, input) => ({ selected_user: entered(input, el.initial_user) }),
  multi_users_select: (el, input) => ({ selected_users: many(input) ?? el.initial_users ?? [] }),
  conversations_select: (el, input) => ({ selected_conversation: entered(input, el.initial_conversation) }),
  channels_select: (el, input) => ({ selected_channel: entered(input, el.initial_channel) }),
};

/** Overflow menus fire an action but keep no value in state. */
export function isStateful(element: Block): boolean {
  return typeof element.type === "string" && element.type !== "overflow" && Object.hasOwn(readers, element.type);
}

/** `state.values[block][action]` for one element, in Slack's shape ({ type, value } etc.). */
export function stateEntry(element: Block, input: UserInput | undefined): Record<string, unknown> {
  const type = String(element.type);
  const reader = readers[type];
  if (!reader) throw new Error(`Elements of type ${type} hold no value`);
  return { type, ...reader(element, input) };
}

/** The `actions[0]` fields particular to an element type (button text/value, selected option...). */
export function actionFields(element: Block, input: UserInput | undefined): Record<string, unknown> {
  const type = String(element.type);
  if (type === "button") {
    return {
      text: element.text,
      ...(element.value ? { value: element.value } : {}),
      ...(element.style ? { style: element.style } : {}),
    };
  }
  if (type === "feedback_buttons") return feedbackPressed(element, input);
  const reader = readers[type];
  return reader ? reader(element, input) : { value: input };
}

/** Which of the two feedback buttons was pressed: "positive" / "negative", or the button's own value. */
function feedbackPressed(element: Block, input: UserInput | undefined): Record<string, unknown> {
  const buttons = { positive: element.positive_button, negative: element.negative_button };
  const chosen = single(input);
  const button = Object.entries(buttons).find(
    ([side, b]) => chosen === side || (isRecord(b) && b.value === chosen),
  )?.[1];
  if (!isRecord(button)) throw new Error(`Say which feedback button was pressed: "positive" or "negative"`);
  return { text: button.text, value: button.value };
}
