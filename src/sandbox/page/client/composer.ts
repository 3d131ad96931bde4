import type { CommandInfo, PageState } from "../contract";
import { post } from "./api";
import { element, required } from "./dom";
import { openMenu } from "./menus";
import { showNotice } from "./notice";
import type { Session } from "./session";

/** Sends what was typed: a slash command goes to the bot, anything else is posted as the person. */
export async function send(session: Session, text: string): Promise<boolean> {
  const channel = session.state?.composer?.channel;
  if (!channel) {
    showNotice("Open a channel or the app's Messages tab first.");
    return false;
  }
  return session.report(post("message", { as: session.as, channel, text }));
}

function showHints(session: Session, input: HTMLInputElement): void {
  const hints = required("#command-hints");
  const typed = input.value;
  const matching = /^\/\S*$/.test(typed)
    ? (session.state?.commands ?? []).filter((c) => c.command.startsWith(typed))
    : [];
  hints.hidden = matching.length === 0;
  hints.replaceChildren(...matching.map((command) => hint(command, input, hints)));
}

function hint(command: CommandInfo, input: HTMLInputElement, hints: HTMLElement): HTMLElement {
  const option = element("button", "command-hint");
  option.setAttribute("type", "button");
  option.setAttribute("role", "option");
  option.append(
    element("span", "command-name", command.command),
    element("span", "command-usage", command.usageHint),
    element("span", "command-description", command.description),
  );
  option.addEventListener("click", () => {
    input.value = `${command.command} `;
    hints.hidden = true;
    input.focus();
  });
  return option;
}

function update(state: PageState): void {
  const form = required<HTMLFormElement>("#composer");
  const input = required<HTMLInputElement>("#composer-input");
  form.hidden = state.composer === null;
  if (state.composer) input.placeholder = state.composer.placeholder;
}

/** The message box, its slash-command hints and the ⚡ menu of global shortcuts and commands. */
export function setupComposer(session: Session): void {
  const form = required<HTMLFormElement>("#composer");
  const input = required<HTMLInputElement>("#composer-input");
  session.onRender(update);
  input.addEventListener("input", () => showHints(session, input));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    required("#command-hints").hidden = true;
    input.disabled = true;
    const sent = await send(session, text);
    input.disabled = false;
    if (sent) input.value = "";
    input.focus();
  });
  required("#shortcuts-button").addEventListener("click", (event) => {
    event.stopPropagation();
    const state = session.state;
    const shortcuts = (state?.globalShortcuts ?? []).map((s) => ({
      label: `⚡ ${s.name}`,
      description: s.description,
      choose: () => void session.report(post("shortcut", { as: session.as, callbackId: s.callbackId })),
    }));
    const commands = (state?.commands ?? []).map((c) => ({
      label: `${c.command} ${c.usageHint}`,
      description: c.description,
      choose: () => {
        input.value = `${c.command} `;
        input.focus();
      },
    }));
    openMenu(
      required("#shortcuts-button"),
      "localism-bot shortcuts and commands",
      [...shortcuts, ...commands],
      "Shortcuts and slash commands",
    );
  });
}
