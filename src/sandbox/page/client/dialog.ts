import { element, required } from "./dom";

export interface ConfirmWords {
  title: string;
  text: string;
  confirm: string;
  deny: string;
  /** Slack draws the confirming button red for a danger confirm. */
  danger: boolean;
}

/**
 * Slack's confirmation dialog, drawn in the page (never the browser's own window.confirm): a title,
 * the text, and two buttons. Resolves true when the person confirms.
 */
export function confirmDialog(words: ConfirmWords): Promise<boolean> {
  const root = required("#dialog-root");
  return new Promise((resolve) => {
    const backdrop = element("div", "modal-backdrop confirm-backdrop");
    const dialog = element("div", "confirm-dialog");
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", words.title);
    const deny = element("button", "bk-btn", words.deny);
    const confirm = element("button", `bk-btn ${words.danger ? "danger-solid" : "primary"}`, words.confirm);
    for (const button of [deny, confirm]) button.setAttribute("type", "button");
    const footer = element("div", "confirm-footer");
    footer.append(deny, confirm);
    dialog.append(element("h2", "confirm-title", words.title), element("p", "confirm-text", words.text), footer);
    backdrop.append(dialog);
    const finish = (answer: boolean) => {
      document.removeEventListener("keydown", onKey, true);
      backdrop.remove();
      resolve(answer);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      finish(false);
    };
    deny.addEventListener("click", () => finish(false));
    confirm.addEventListener("click", () => finish(true));
    backdrop.addEventListener("click", (event) => {
      if (event.target === backdrop) finish(false);
    });
    document.addEventListener("keydown", onKey, true);
    root.replaceChildren(backdrop);
    confirm.focus();
  });
}
