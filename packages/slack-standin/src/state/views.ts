import { interactiveElementsOf } from "../blocks/normalize";
import type { IdFactory } from "../ids";
import type { ChangeFeed } from "./changes";
import type { Block, StoredView, ViewState, ViewType } from "./types";

/** The view fields an app sends in views.open / update / push / publish (already validated). */
export interface ViewInput {
  type: ViewType;
  title?: Block;
  submit?: Block;
  close?: Block;
  blocks: Block[];
  private_metadata?: string;
  callback_id?: string;
  external_id?: string;
  clear_on_close?: boolean;
  notify_on_close?: boolean;
  submit_disabled?: boolean;
}

/** Slack keeps at most a root modal plus two pushed ones. */
export const MAX_MODAL_STACK = 3;

/** Modal stacks per user and each user's Home tab. */
export class ViewStore {
  private readonly views = new Map<string, StoredView>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();

  constructor(
    private readonly ids: IdFactory,
    private readonly changes: ChangeFeed,
  ) {}

  /** Opens a new root modal; any modal the user had open is replaced. */
  open(user: string, input: ViewInput): StoredView {
    this.dropStack(user);
    const view = this.create(user, input, null, null);
    this.stacks.set(user, [view.id]);
    this.changes.notify();
    return view;
  }

  push(user: string, input: ViewInput): StoredView {
    const stack = this.stacks.get(user) ?? [];
    const top = stack.at(-1);
    if (!top) throw new Error(`no open modal for ${user}`);
    const root = stack[0] ?? top;
    const view = this.create(user, input, root, top);
    stack.push(view.id);
    this.changes.notify();
    return view;
  }

  canPush(user: string): boolean {
    const depth = this.stacks.get(user)?.length ?? 0;
    return depth > 0 && depth < MAX_MODAL_STACK;
  }

  /**
   * Replaces a view's content in place: same id, new hash. With `keepEntered` (views.update), what
   * the user entered stays in each element the new view keeps under the same block_id and
   * action_id, as Slack keeps it; the element's new initial value does not replace it.
   */
  update(view: StoredView, input: ViewInput, options: { keepEntered?: boolean } = {}): StoredView {
    const state = options.keepEntered ? enteredStillShown(view.state, input.blocks) : { values: {} };
    Object.assign(view, this.contentOf(input), { hash: this.ids.viewHash(), errors: undefined });
    view.state = state;
    this.changes.notify();
    return view;
  }

  publishHome(user: string, input: ViewInput): StoredView {
    const existing = this.homeOf(user);
    if (existing) return this.update(existing, input);
    const view = this.create(user, input, null, null);
    this.homes.set(user, view.id);
    this.changes.notify();
    return view;
  }

  find(id: string): StoredView | undefined {
    return this.views.get(id);
  }

  findByExternalId(externalId: string): StoredView | undefined {
    return [...this.views.values()].find((v) => v.external_id === externalId && v.isOpen);
  }

  /** The user's open modals, root first. */
  openStack(user: string): StoredView[] {
    return (this.stacks.get(user) ?? []).flatMap((id) => this.views.get(id) ?? []);
  }

  homeOf(user: string): StoredView | undefined {
    const id = this.homes.get(user);
    return id ? this.views.get(id) : undefined;
  }

  /** Closes the top modal (what an empty view_submission ack does); the previous one shows again. */
  closeTop(user: string): void {
    const stack = this.stacks.get(user) ?? [];
    const id = stack.pop();
    if (id) this.markClosed(id);
    this.changes.notify();
  }

  clearStack(user: string): void {
    this.dropStack(user);
    this.changes.notify();
  }

  /** The user closed one modal (the X / Cancel button). */
  close(view: StoredView): void {
    const stack = this.stacks.get(view.user) ?? [];
    if (view.clear_on_close || stack[0] === view.id) {
      this.clearStack(view.user);
      return;
    }
    this.stacks.set(
      view.user,
      stack.filter((id) => id !== view.id),
    );
    this.markClosed(view.id);
    this.changes.notify();
  }

  /** Errors shown under the modal's inputs (an ack with response_action "errors"). */
  showErrors(view: StoredView, errors: Record<string, string>): void {
    view.errors = errors;
    this.changes.notify();
  }

  private create(user: string, input: ViewInput, rootId: string | null, previousId: string | null): StoredView {
    const id = this.ids.next("V");
    const view: StoredView = {
      id,
      user,
      ...this.contentOf(input),
      state: { values: {} },
      hash: this.ids.viewHash(),
      root_view_id: rootId ?? id,
      previous_view_id: previousId,
      isOpen: true,
    };
    this.views.set(id, view);
    return view;
  }

  private contentOf(input: ViewInput) {
    return {
      type: input.type,
      title: input.title,
      submit: input.submit,
      close: input.close,
      blocks: input.blocks,
      private_metadata: input.private_metadata ?? "",
      callback_id: input.callback_id ?? "",
      external_id: input.external_id ?? "",
      clear_on_close: input.clear_on_close ?? false,
      notify_on_close: input.notify_on_close ?? false,
      submit_disabled: input.submit_disabled ?? false,
    };
  }

  private dropStack(user: string): void {
    for (const id of this.stacks.get(user) ?? []) this.markClosed(id);
    this.stacks.delete(user);
  }

  private markClosed(id: string): void {
    const view = this.views.get(id);
    if (view) view.isOpen = false;
  }
}

/** The entries of `state` whose element (same block_id, action_id and type) is among `blocks`. */
function enteredStillShown(state: ViewState, blocks: Block[]): ViewState {
  const kept: ViewState = { values: {} };
  for (const block of blocks) {
    const blockId = String(block.block_id);
    for (const element of interactiveElementsOf(block)) {
      const actionId = String(element.action_id);
      const entry = state.values[blockId]?.[actionId];
      if (entry && entry.type === element.type) kept.values[blockId] = { ...kept.values[blockId], [actionId]: entry };
    }
  }
  return kept;
}
