import type { Block } from "@localism/slack-standin";
import { isRecord, records, str } from "./text";

/** What an element shows as chosen: the person's earlier choice (view state) or the element's initial value. */
export type Current = string | string[] | null;

const optionValue = (option: unknown) => (isRecord(option) ? str(option.value) : "");

/** `state.values[block][action]` in Slack's shape, reduced to plain values. */
function fromState(entry: Record<string, unknown>): Current | undefined {
  if ("value" in entry) return typeof entry.value === "string" ? entry.value : null;
  if ("selected_option" in entry) return entry.selected_option ? optionValue(entry.selected_option) : null;
  if ("selected_options" in entry) return records(entry.selected_options).map(optionValue);
  for (const key of ["selected_date", "selected_time", "selected_user", "selected_conversation", "selected_channel"]) {
    if (key in entry) return typeof entry[key] === "string" ? entry[key] : null;
  }
  for (const key of ["selected_users", "selected_conversations", "selected_channels"]) {
    if (Array.isArray(entry[key])) return entry[key].map(String);
  }
  return undefined;
}

function initial(element: Block): Current {
  if (typeof element.initial_value === "string") return element.initial_value;
  if (element.initial_option) return optionValue(element.initial_option);
  if (Array.isArray(element.initial_options)) return records(element.initial_options).map(optionValue);
  for (const key of ["initial_date", "initial_time", "initial_user", "initial_conversation", "initial_channel"]) {
    if (typeof element[key] === "string") return element[key];
  }
  for (const key of ["initial_users", "initial_conversations", "initial_channels"]) {
    if (Array.isArray(element[key])) return element[key].map(String);
  }
  return null;
}

export function currentValue(element: Block, entry: Record<string, unknown> | undefined): Current {
  const chosen = entry ? fromState(entry) : undefined;
  return chosen !== undefined ? chosen : initial(element);
}

export function isChosen(current: Current, value: string): boolean {
  return Array.isArray(current) ? current.includes(value) : current === value;
}
