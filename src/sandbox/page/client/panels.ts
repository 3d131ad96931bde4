import { post } from "./api";
import { showNotice } from "./notice";
import type { Session } from "./session";

/** Opens a new assistant thread (Slack starts it and tells the app) beside whatever is open. */
async function openAssistant(session: Session): Promise<void> {
  const viewing = session.open.startsWith("app:") ? {} : { viewing: session.open };
  const outcome = await post("assistant", { as: session.as, ...viewing });
  if (!outcome.ok) return showNotice(outcome.error);
  if (outcome.panel) await session.openPanel(outcome.panel);
}

async function sendInPanel(session: Session, form: HTMLFormElement, text: string): Promise<boolean> {
  const { channel = "", threadTs = "" } = form.dataset;
  return session.report(post("message", { as: session.as, channel, threadTs, text }));
}

/**
 * The panel beside the conversation: a thread ("N replies" opens it) or the app's assistant (the
 * top bar's button, or New chat), each with its own message box; a suggested prompt is sent as the
 * person's message, as Slack does.
 */
export function setupPanels(session: Session): void {
  document.addEventListener("click", (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const thread = target?.closest<HTMLElement>("[data-open-thread]");
    if (thread) return void session.openPanel(`thread:${thread.dataset.openThread ?? ""}`);
    if (target?.closest("[data-close-panel]")) return void session.openPanel("");
    if (target?.closest("#open-assistant, [data-assistant-new]")) return void openAssistant(session);
    const prompt = target?.closest<HTMLElement>("[data-prompt]");
    const form = prompt?.closest<HTMLElement>("#panel")?.querySelector<HTMLFormElement>("form.panel-composer");
    if (prompt && form) void sendInPanel(session, form, prompt.dataset.prompt ?? "");
  });
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("panel-composer")) return;
    event.preventDefault();
    const input = form.querySelector<HTMLInputElement>(".panel-input");
    const text = input?.value ?? "";
    if (!input || !text.trim()) return;
    input.disabled = true;
    const sent = await sendInPanel(session, form, text);
    // The panel may have been redrawn meanwhile: find its box again.
    const box = document.querySelector<HTMLInputElement>("#panel .panel-input") ?? input;
    box.disabled = false;
    if (sent) box.value = "";
    box.focus();
  });
}
