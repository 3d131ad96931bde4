import type { PageState } from "../contract";
import { fetchState, post } from "./api";
import { required } from "./dom";
import { formValues, restoreFormValues } from "./form-values";
import { showNotice } from "./notice";

type Region = keyof PageState["regions"];
const REGION_IDS: Record<Region, string> = {
  topbar: "#topbar",
  sidebar: "#sidebar",
  header: "#header",
  pane: "#pane",
  modal: "#modal-root",
};
const REGIONS: Region[] = ["topbar", "sidebar", "header", "pane", "modal"];

/**
 * Who is acting, what is open, and the page drawn from the server's state. Each region is
 * replaced only when its HTML changed, so typing in a modal survives unrelated updates.
 */
export class Session {
  as = "";
  open = "";
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
        this.render(await fetchState(this.as, this.open));
      } while (this.again);
    } catch (error) {
      showNotice(`Could not read the sandbox's state: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.fetching = false;
    }
  }

  /** Opens a channel or an app tab; opening the Home tab tells the bot, as Slack does (app_home_opened). */
  async navigate(open: string): Promise<void> {
    this.open = open;
    await this.refresh();
    if (this.open === "app:home") await this.report(post("home", { as: this.as }));
  }

  async actAs(person: string): Promise<void> {
    this.as = person;
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
    this.state = state;
    this.as = state.as;
    this.open = state.open;
    history.replaceState(null, "", `#${new URLSearchParams({ as: state.as, open: state.open }).toString()}`);
    for (const region of REGIONS) this.draw(region, state);
    if (conversationChanged || nearBottom) pane.scrollTop = pane.scrollHeight;
    this.markUnread(state);
    for (const listener of this.listeners) listener(state);
  }

  private draw(region: Region, state: PageState): void {
    const markup = state.regions[region];
    if (this.drawn.get(region) === markup) return;
    const target = required(REGION_IDS[region]);
    const oldForm = region === "modal" ? target.querySelector<HTMLFormElement>("form.modal") : null;
    const keep = oldForm && oldForm.dataset.viewId === state.modalViewId ? formValues(oldForm) : null;
    target.innerHTML = markup;
    this.drawn.set(region, markup);
    const newForm = target.querySelector<HTMLFormElement>("form.modal");
    if (keep && newForm) restoreFormValues(newForm, keep);
    else if (newForm && !oldForm) newForm.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }

  private markUnread(state: PageState): void {
    for (const item of Array.from(document.querySelectorAll<HTMLElement>(".side-item[data-open]"))) {
      const key = `${state.as} ${item.dataset.open ?? ""}`;
      const latest = item.dataset.latest ?? "0";
      if (item.classList.contains("active")) this.seen.set(key, latest);
      else if (!this.seen.has(key)) this.seen.set(key, latest);
      item.classList.toggle("unread", Number(latest) > Number(this.seen.get(key) ?? "0"));
    }
  }
}
