import type { UserValue } from "../contract";

/** What a person has chosen or typed in one Block Kit element on the page. */
export function controlValue(control: HTMLElement): UserValue {
  switch (control.dataset.kind) {
    case "feedback":
      return control.dataset.value ?? null;
    case "multi":
      return control instanceof HTMLSelectElement ? Array.from(control.selectedOptions).map((o) => o.value) : [];
    case "checkboxes":
      return Array.from(control.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")).map((i) => i.value);
    case "radio":
      return control.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? null;
    default: {
      const value =
        control instanceof HTMLInputElement ||
        control instanceof HTMLSelectElement ||
        control instanceof HTMLTextAreaElement
          ? control.value
          : "";
      return value === "" ? null : value;
    }
  }
}

function controlsIn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(".bk-input [data-kind][data-block-id][data-action-id]"));
}

/** The modal's input blocks as Slack puts them in view.state: by block_id, then action_id. */
export function formValues(form: HTMLFormElement): Record<string, Record<string, UserValue>> {
  const values: Record<string, Record<string, UserValue>> = {};
  for (const control of controlsIn(form)) {
    const { blockId = "", actionId = "" } = control.dataset;
    values[blockId] = { ...values[blockId], [actionId]: controlValue(control) };
  }
  return values;
}

/** Puts typed values back after the modal is redrawn (errors shown, or views.update), as Slack keeps them. */
export function restoreFormValues(form: HTMLFormElement, values: Record<string, Record<string, UserValue>>): void {
  for (const control of controlsIn(form)) {
    const { blockId = "", actionId = "" } = control.dataset;
    const value = values[blockId]?.[actionId];
    if (value === undefined) continue;
    const chosen = Array.isArray(value) ? value : value === null ? [] : [value];
    if (control instanceof HTMLSelectElement) {
      for (const option of Array.from(control.options)) option.selected = chosen.includes(option.value);
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      control.value = chosen[0] ?? "";
    } else {
      for (const input of Array.from(control.querySelectorAll<HTMLInputElement>("input")))
        input.checked = chosen.includes(input.value);
    }
  }
}

const DRAFT_PREFIX = "sandbox-modal-draft:";

/** Keeps what has been typed in a modal, by view, for this browser tab: a reload puts it back, as Slack's client does. */
export function saveDraft(form: HTMLFormElement): void {
  const viewId = form.dataset.viewId;
  if (viewId) sessionStorage.setItem(`${DRAFT_PREFIX}${viewId}`, JSON.stringify(formValues(form)));
}

/** Puts a saved draft back into the modal it belongs to; true when there was one. */
export function restoreDraft(form: HTMLFormElement): boolean {
  const saved = sessionStorage.getItem(`${DRAFT_PREFIX}${form.dataset.viewId ?? ""}`);
  if (!saved) return false;
  try {
    restoreFormValues(form, JSON.parse(saved) as Record<string, Record<string, UserValue>>);
    return true;
  } catch {
    return false;
  }
}

/** Drafts of modals no longer open are dropped. */
export function forgetDrafts(openViewId: string | null): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(DRAFT_PREFIX) && key !== `${DRAFT_PREFIX}${openViewId ?? ""}`) sessionStorage.removeItem(key);
  }
}
