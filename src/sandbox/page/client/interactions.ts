import type { Container } from "../contract";
import { post } from "./api";
import { confirmDialog } from "./dialog";
import { controlValue, formValues, saveDraft } from "./form-values";
import type { Session } from "./session";

/** Where an element sits: the message (or ephemeral message) or the view around it. */
function containerOf(control: HTMLElement): Container | undefined {
  const holder = control.closest<HTMLElement>("[data-container]");
  if (!holder) return undefined;
  const { container, channel = "", ts = "", viewId = "" } = holder.dataset;
  if (container === "view") return { type: "view", viewId };
  return { type: "message", channel, ts, ephemeral: holder.hasAttribute("data-ephemeral") };
}

/** Slack's confirm dialog on a button or menu that has one, drawn in the page as Slack draws it. */
async function confirmed(control: HTMLElement): Promise<boolean> {
  const { confirmTitle, confirmText, confirmYes, confirmNo, confirmStyle } = control.dataset;
  if (confirmTitle === undefined) return true;
  return confirmDialog({
    title: confirmTitle,
    text: confirmText ?? "",
    confirm: confirmYes ?? "Yes",
    deny: confirmNo ?? "Cancel",
    danger: confirmStyle === "danger",
  });
}

async function sendAction(session: Session, control: HTMLElement): Promise<void> {
  const container = containerOf(control);
  if (!container || !(await confirmed(control))) return;
  const { actionId = "", blockId = "" } = control.dataset;
  const value = control.dataset.kind === "button" ? undefined : controlValue(control);
  if (control.dataset.url) window.open(control.dataset.url, "_blank", "noopener");
  const form = container.type === "view" ? control.closest<HTMLFormElement>("form.modal") : null;
  const values = form ? { values: formValues(form) } : {};
  control.classList.add("busy");
  await session.report(post("action", { as: session.as, container, actionId, blockId, value, ...values }));
  control.classList.remove("busy");
  if (control.dataset.kind === "overflow" && control instanceof HTMLSelectElement) control.value = "";
}

/** The element whose change should reach the bot: the element itself or the radio/checkbox group around it. */
function dispatcher(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  return target.closest<HTMLElement>("[data-dispatch]") ?? undefined;
}

async function submitModal(session: Session, form: HTMLFormElement): Promise<void> {
  if (!form.reportValidity()) return;
  const viewId = form.dataset.viewId ?? "";
  form.classList.add("busy");
  await session.report(post("submit", { as: session.as, viewId, values: formValues(form) }));
  form.classList.remove("busy");
}

async function closeModal(session: Session): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("#modal-root form.modal");
  if (form) await session.report(post("close", { as: session.as, viewId: form.dataset.viewId ?? "" }));
}

/** Buttons, menus, choices and modals on any surface, by delegation: the page is redrawn often. */
export function setupInteractions(session: Session): void {
  document.addEventListener("click", (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest("[data-modal-close]")) return void closeModal(session);
    const button = target?.closest<HTMLElement>("button[data-kind=button], button[data-kind=feedback]");
    if (button) void sendAction(session, button);
  });
  document.addEventListener("change", (event) => {
    const control = dispatcher(event.target);
    if (control && control.dataset.kind !== "text") void sendAction(session, control);
  });
  document.addEventListener("keydown", (event) => {
    const control = dispatcher(event.target);
    if (event.key === "Enter" && control?.dataset.kind === "text" && !(control instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      void sendAction(session, control);
    }
    if (event.key === "Escape" && !document.querySelector("#menu-root .menu")) void closeModal(session);
  });
  // What is typed in a modal is kept for this tab, so a reload does not lose it.
  for (const type of ["input", "change"]) {
    document.addEventListener(type, (event) => {
      const form = event.target instanceof HTMLElement ? event.target.closest<HTMLFormElement>("form.modal") : null;
      if (form) saveDraft(form);
    });
  }
  document.addEventListener("click", (event) => {
    const dismiss = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>("[data-dismiss]") : null;
    const message = dismiss?.closest<HTMLElement>("[data-ephemeral]");
    if (!message) return;
    const { channel = "", ts = "" } = message.dataset;
    void session.report(post("dismiss", { as: session.as, channel, ts }));
  });
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.classList.contains("modal")) {
      event.preventDefault();
      void submitModal(session, form);
    }
  });
}
