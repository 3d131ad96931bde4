import { post } from "./api";
import { element, required } from "./dom";
import type { Session } from "./session";

export interface MenuItem {
  label: string;
  description?: string;
  choose(): void;
}

export function closeMenus(): void {
  required("#menu-root").replaceChildren();
}

/** A small popup menu under `anchor` with a heading and items, like Slack's message and shortcut menus. */
export function openMenu(anchor: HTMLElement, heading: string, items: MenuItem[], label: string): void {
  closeMenus();
  const menu = element("div", "menu");
  menu.setAttribute("role", "menu");
  menu.setAttribute("aria-label", label);
  menu.append(element("div", "menu-heading", heading));
  for (const item of items) {
    const entry = element("button", "menu-item");
    entry.setAttribute("role", "menuitem");
    entry.setAttribute("type", "button");
    entry.append(element("span", "menu-item-label", item.label));
    if (item.description) entry.append(element("span", "menu-item-description", item.description));
    entry.addEventListener("click", () => {
      closeMenus();
      item.choose();
    });
    menu.append(entry);
  }
  if (items.length === 0) menu.append(element("div", "menu-empty", "Nothing here"));
  required("#menu-root").append(menu);
  const box = anchor.getBoundingClientRect();
  const top = box.bottom + menu.offsetHeight > window.innerHeight ? box.top - menu.offsetHeight - 4 : box.bottom + 4;
  menu.style.top = `${Math.max(4, top)}px`;
  menu.style.left = `${Math.max(4, Math.min(box.right - menu.offsetWidth, window.innerWidth - menu.offsetWidth - 4))}px`;
  menu.querySelector<HTMLElement>(".menu-item")?.focus();
}

/** ⋮ More actions on a message: the app's message shortcuts from its manifest. */
export function setupMessageMenus(session: Session): void {
  document.addEventListener("click", (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const button = target?.closest<HTMLElement>("[data-more-actions]");
    if (!button) {
      if (!target?.closest("#menu-root")) closeMenus();
      return;
    }
    event.stopPropagation();
    const message = button.closest<HTMLElement>("[data-container=message]");
    const { channel = "", ts = "" } = message?.dataset ?? {};
    const shortcuts = session.state?.messageShortcuts ?? [];
    openMenu(
      button,
      "localism-bot",
      shortcuts.map((s) => ({
        label: s.name,
        description: s.description,
        choose: () => void session.report(post("shortcut", { as: session.as, callbackId: s.callbackId, channel, ts })),
      })),
      "More actions",
    );
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeMenus();
  });
}
