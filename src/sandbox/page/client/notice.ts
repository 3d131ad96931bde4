import { element, required } from "./dom";

const SHOWN_MS = 10_000;

/** A short message in the corner: what went wrong, or what happened. */
export function showNotice(text: string, kind: "error" | "info" = "error"): void {
  const notices = required("#notices");
  const notice = element("div", `notice notice-${kind}`);
  notice.setAttribute("role", kind === "error" ? "alert" : "status");
  notice.append(element("span", "notice-text", text));
  const close = element("button", "notice-close", "×");
  close.setAttribute("aria-label", "Dismiss");
  close.addEventListener("click", () => notice.remove());
  notice.append(close);
  notices.append(notice);
  setTimeout(() => notice.remove(), SHOWN_MS);
}
