import { interactiveElementsOf } from "../../blocks/normalize";
import type { Block, ViewState } from "../../state/types";
import { isStateful, stateEntry, type UserInput } from "./element-state";

/** Entered values keyed by action_id, or by block_id when the block holds one element. */
export type EnteredValues = Record<string, UserInput>;

/** Entered values by block_id, then action_id: exact even where an action_id repeats across blocks. */
export type EnteredValuesByBlock = Record<string, Record<string, UserInput>>;

interface Located {
  block: Block;
  element: Block;
}

/** Every element of a surface that keeps a value, with its block. */
function statefulElements(blocks: Block[]): Located[] {
  return blocks.flatMap((block) =>
    interactiveElementsOf(block)
      .filter(isStateful)
      .map((element) => ({ block, element })),
  );
}

function inputFor(found: Located, values: EnteredValues, byBlock: EnteredValuesByBlock): UserInput | undefined {
  const exact = byBlock[String(found.block.block_id)]?.[String(found.element.action_id)];
  if (exact !== undefined) return exact;
  const byAction = values[String(found.element.action_id)];
  return byAction !== undefined ? byAction : values[String(found.block.block_id)];
}

function refuseUnknownKeys(located: Located[], values: EnteredValues, byBlock: EnteredValuesByBlock): void {
  const known = new Set(located.flatMap((l) => [String(l.element.action_id), String(l.block.block_id)]));
  const knownPairs = new Set(located.map((l) => `${String(l.block.block_id)}/${String(l.element.action_id)}`));
  const pairs = Object.entries(byBlock).flatMap(([block, actions]) =>
    Object.keys(actions).map((action) => `${block}/${action}`),
  );
  const unknown = [
    ...Object.keys(values).filter((key) => !known.has(key)),
    ...pairs.filter((pair) => !knownPairs.has(pair)),
  ];
  if (unknown.length > 0) {
    throw new Error(`No input element for ${unknown.join(", ")} (known: ${[...known].join(", ")})`);
  }
}

/**
 * `view.state.values` as Slack sends it on submission: every input block's element (empty ones
 * as null / []), plus other stateful elements the user touched (earlier block actions or `values`).
 */
export function buildViewState(
  blocks: Block[],
  tracked: ViewState,
  values: EnteredValues,
  byBlock: EnteredValuesByBlock = {},
): ViewState {
  const located = statefulElements(blocks);
  refuseUnknownKeys(located, values, byBlock);
  const state: ViewState = { values: {} };
  for (const found of located) {
    const blockId = String(found.block.block_id);
    const actionId = String(found.element.action_id);
    const entered = inputFor(found, values, byBlock);
    const previous = tracked.values[blockId]?.[actionId];
    if (entered === undefined && previous) {
      state.values[blockId] = { ...state.values[blockId], [actionId]: previous };
    } else if (entered !== undefined || found.block.type === "input") {
      state.values[blockId] = { ...state.values[blockId], [actionId]: stateEntry(found.element, entered) };
    }
  }
  return state;
}

/**
 * Slack's client does not let a user submit a modal with an empty required input or text outside
 * min_length/max_length; returns why the submit button would not work, if it would not.
 */
export function clientSideRefusal(blocks: Block[], state: ViewState): string | undefined {
  for (const block of blocks.filter((b) => b.type === "input")) {
    const element = interactiveElementsOf(block)[0];
    if (!element) continue;
    const entry = state.values[String(block.block_id)]?.[String(element.action_id)];
    if (block.optional !== true && isEmpty(entry)) return `required input ${String(block.block_id)} is empty`;
    const text = typeof entry?.value === "string" ? entry.value : undefined;
    if (text !== undefined && typeof element.min_length === "number" && text.length < element.min_length) {
      return `input ${String(block.block_id)} is shorter than ${element.min_length}`;
    }
    if (text !== undefined && typeof element.max_length === "number" && text.length > element.max_length) {
      return `input ${String(block.block_id)} is longer than ${element.max_length}`;
    }
  }
  return undefined;
}

function isEmpty(entry: Record<string, unknown> | undefined): boolean {
  if (!entry) return true;
  const { type: _type, ...rest } = entry;
  return Object.values(rest).every((v) => v === null || v === "" || (Array.isArray(v) && v.length === 0));
}

/** Where an action_id (optionally within a block_id) sits on a surface. */
export function findElement(blocks: Block[], actionId: string, blockId?: string): Located | undefined {
  for (const block of blocks) {
    if (blockId && block.block_id !== blockId) continue;
    const element = interactiveElementsOf(block).find((el) => el.action_id === actionId);
    if (element) return { block, element };
  }
  return undefined;
}
