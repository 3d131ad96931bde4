import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The page can act as anyone in the sandbox, so it keeps other sites out: on a loopback address
 * it answers only requests addressed to this machine by name (no DNS rebinding), actions must be
 * JSON (a cross-site form cannot send that without the browser asking first), and a request from
 * another origin is refused.
 */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface RequestGuard {
  /** False when SANDBOX_ALLOW_REMOTE=true: any Host is accepted. */
  loopbackOnly: boolean;
}

export function hostAllowed(req: IncomingMessage, guard: RequestGuard): boolean {
  if (!guard.loopbackOnly) return true;
  const host = (req.headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
  return LOOPBACK_NAMES.has(host);
}

export function sameOriginJson(req: IncomingMessage): string | undefined {
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return "Send JSON.";
  const origin = req.headers.origin;
  if (origin && origin !== `http://${req.headers.host ?? ""}`) return "Requests from other sites are refused.";
  return undefined;
}

export const PAGE_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...PAGE_HEADERS, "content-type": contentType, ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
}
