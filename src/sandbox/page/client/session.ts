import type { PageState } from "../contract";
import { fetchState, post } from "./api";
import { required } from "./dom";
import { forgetDrafts, formValues, restoreDraft, restoreFormValues } from "./form-values";
import { showNotice } from "./notice";

type Region = keyof PageState["regions"];
const REGION_IDS: Record<Region, string> = {
  topbar: "#topbar",
  sidebar: "#sidebar",
  header: "#header",
  pane: "#pane",
  panel: "#panel",
  modal: "#modal-root",
};
const REGIONS: Region[] = ["topbar", "sidebar", "header", "pane", "panel", "modal"];

/**
 * Who is acting, what is open (and beside it: a thread or the assistant), and the page drawn from
 * the server's state. Each region is replaced only when its HTML changed, so typing in a modal
 * survives unrelated updates; what was typed in a modal survives a reload too.
 */
export class Session {
  as = "";
  open = "";
  panel = "";
  state: PageState | null = null;
  private readonly drawn = new Map<Region, string>();
  /** Newest ts seen per person and conversation, for the sidebar's unread marks. */
  private readonly seen = new Map<string, string>();
  private fetching = false;
  private again = false;
  private readonly listeners: ((state: PageState) => void)[] = [];

  constructor() {
    const hash = new URLSearchParams(location.hash.slice(1));
    this.as = hash.get("as") ?? "";
    this.open = hash.get("open") ?? "";
    this.panel = hash.get("panel") ?? "";
  }

  onRender(listener: (state: PageState) => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads the state; calls made while a read is under way are folded into one more read. */
  async refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    try {
      do {
        this.again = false;
        const asked = `${this.as} ${this.open} ${this.panel}`;
        const state = await fetchState(this.as, this.open, this.panel);
        // Someone moved on while this was read (another conversation, a panel opened): read again.
        if (asked !== `${this.as} ${this.open} ${this.panel}`) this.again = true;
        else this.render(state);
      } while (this.again);
    } catch (error) {
      showNotice(`Could not read the sandbox's state: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.fetching = false;
    }
  }

  /**
   * Opens a channel or an app tab; opening the Home tab tells the bot, as Slack does (app_home_opened).
   * A thread closes; the assistant stays open and follows (assistant_thread_context_changed).
   */
  async navigate(open: string): Promise<void> {
    const assistant = this.state?.panel?.kind === "assistant" ? this.state.panel : null;
    this.open = open;
    if (!assistant) this.panel = "";
    await this.refresh();
    if (this.open === "app:home") await this.report(post("home", { as: this.as }));
    if (assistant && this.open !== assistant.channel)
      await this.report(
        post("assistantContext", {
          as: this.as,
          channel: assistant.channel,
          threadTs: assistant.threadTs,
          ...(this.open.startsWith("app:") ? {} : { viewing: this.open }),
        }),
      );
  }

  /** Opens a thread ("thread:<ts>") or an assistant thread beside the conversation; "" closes it. */
  async openPanel(panel: string): Promise<void> {
    this.panel = panel;
    await this.refresh();
  }

  async actAs(person: string): Promise<void> {
    this.as = person;
    this.panel = "";
    await this.navigate(this.open);
  }

  /** Shows a refusal, if any; the page itself changes through the next state. */
  async report(outcome: ReturnType<typeof post>): Promise<boolean> {
    const result = await outcome;
    if (!result.ok) showNotice(result.error);
    return result.ok;
  }

  private render(state: PageState): void {
    const conversationChanged = state.open !== this.state?.open || state.as !== this.state?.as;
    const pane = required("#pane");
    const nearBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 80;
    const panelBody = document.querySelector<HTMLElement>("#panel .panel-body");
    const panelNearBottom = !panelBody || panelBody.scrollHeight - panelBody.scrollTop - panelBody.clientHeight < 80;
    const panelChanged = state.panel?.key !== this.state?.panel?.key;
    this.state = state;
    this.as = state.as;
    this.open = state.open;
    this.panel = state.panel?.key ?? "";
    const hash = new URLSearchParams({ as: state.as, open: state.open, ...(this.panel ? { panel: this.panel } : {}) });
    history.replaceState(null, "", `#${hash.toString()}`);
    for (const region of REGIONS) this.draw(region, state);
    document.body.classList.toggle("with-panel", state.panel !== null);
    if (conversationChanged || nearBottom) pane.scrollTop = pane.scrollHeight;
    const newPanelBody = document.querySelector<HTMLElement>("#panel .panel-body");
    if (newPanelBody && (panelChanged || panelNearBottom)) newPanelBody.scrollTop = newPanelBody.scrollHeight;
    this.markUnread(state);
    for (const listener of this.listeners) listener(state);
  }

  private draw(region: Region, state: PageState): void {
    const markup = state.regions[region];
    if (this.drawn.get(region) === markup) return;
    const target = required(REGION_IDS[region]);
    const oldForm = region === "modal" ? target.querySelector<HTMLFormElement>("form.modal") : null;
    const keep = oldForm && oldForm.dataset.viewId === state.modalViewId ? formValues(oldForm) : null;
    const typing = region === "panel" ? target.querySelector<HTMLInputElement>(".panel-input") : null;
    const typed = typing?.value ?? "";
    const focused = typing !== null && document.activeElement === typing;
    target.innerHTML = markup;
    this.drawn.set(region, markup);
    if (region === "panel") this.keepTyping(target, typed, focused);
    if (region !== "modal") return;
    const newForm = target.querySelector<HTMLFormElement>("form.modal");
    forgetDrafts(state.modalViewId);
    if (keep && newForm) restoreFormValues(newForm, keep);
    else if (newForm && restoreDraft(newForm)) newForm.querySelector<HTMLElement>("input, textarea, select")?.focus();
    else if (newForm && !oldForm) newForm.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }

  /** A redraw of the panel (a reply arrived) keeps what the person was typing in its box. */
  private keepTyping(panel: HTMLElement, typed: string, focused: boolean): void {
    const input = panel.querySelector<HTMLInputElement>(".panel-input");
    if (!input) return;
    input.value = typed;
    if (focused) input.focus();
  }

  private markUnread(state: PageState): void {
    for (const item of Array.from(document.querySelectorAll<HTMLElement>(".side-item[data-open]"))) {
      const key = `${state.as} ${item.dataset.open ?? ""}`;
      const latest = item.dataset.latest ?? "0";
      if (item.classList.contains("active")) this.seen.set(key, latest);
      else if (!this.seen.has(key)) this.seen.set(key, latest);
      const seen = Number(this.seen.get(key) ?? "0");
      item.classList.toggle("unread", Number(latest) > seen);
      const badge = item.querySelector<HTMLElement>(".unread-badge");
      if (!badge) continue;
      const unread = (badge.dataset.recent ?? "").split(" ").filter((ts) => ts && Number(ts) > seen).length;
      badge.textContent = unread > 0 ? String(unread) : "";
      badge.hidden = unread === 0;
    }
  }
}
