import { trusted } from "./html";

/** Small inline icons for the page's own chrome (no emoji font needed). */
const svg = (body: string) =>
  trusted(
    `<svg class="icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">${body}</svg>`,
  );

export const LOCK = svg(
  '<rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.6"/>',
);

export const EYE = svg(
  '<path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" fill="none" stroke="currentColor" stroke-width="1.4"/><circle cx="8" cy="8" r="2.2" fill="currentColor"/>',
);
