import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { type SlackStandin, streamChanges } from "@localism/slack-standin";
import { MINUTES_PREFIX, type SampleMinutes } from "../minutes";
import { isApiName, type SandboxActions } from "./actions";
import { PAGE_DIR } from "./client-bundle";
import { pageState, type SandboxWorld } from "./page-state";
import { hostAllowed, type RequestGuard, sameOriginJson, send, sendJson } from "./security";

export interface PageAssets {
  html: string;
  css: string;
  script: string;
}

export function loadPageAssets(script: string): PageAssets {
  const read = (name: string) => readFileSync(path.join(PAGE_DIR, name), "utf8");
  return { html: read("index.html"), css: read("page.css"), script };
}

export interface SandboxRoutes {
  world: SandboxWorld;
  standin: SlackStandin;
  actions: SandboxActions;
  minutes: SampleMinutes;
  assets: PageAssets;
  guard: RequestGuard;
  onError(error: unknown): void;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 *   GET  /                         the workspace page (/sandbox/page.css, /sandbox/page.js)
 *   GET  /sandbox/api/state        what the acting person sees (?as=U...&open=C...&panel=thread:ts)
 *   POST /sandbox/api/<action>     message, shortcut, action, submit, close, home, dismiss, assistant,
 *                                  assistantContext (JSON)
 *   GET  /sandbox/events           server-sent events whenever the workspace changes
 *   GET  /sandbox/files/<id>       a file the bot uploaded
 *   GET  /sandbox/minutes/...      the sample minutes feed and documents
 */
export function sandboxRequestHandler(routes: SandboxRoutes) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(routes, req, res).catch((error: unknown) => {
      routes.onError(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: "The sandbox server failed; see its log." });
      else res.end();
    });
  };
}

async function route(routes: SandboxRoutes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!hostAllowed(req, routes.guard))
    return send(res, 421, "text/plain; charset=utf-8", "This sandbox answers only at localhost.");
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const { pathname } = url;
  if (req.method === "POST" && pathname.startsWith("/sandbox/api/"))
    return api(routes, req, res, pathname.slice("/sandbox/api/".length));
  if (req.method !== "GET") return send(res, 405, "text/plain; charset=utf-8", "Method not allowed");
  if (pathname === "/") return send(res, 200, "text/html; charset=utf-8", routes.assets.html);
  if (pathname === "/sandbox/page.css") return send(res, 200, "text/css; charset=utf-8", routes.assets.css);
  if (pathname === "/sandbox/page.js") return send(res, 200, "text/javascript; charset=utf-8", routes.assets.script);
  if (pathname === "/sandbox/events") return streamChanges(routes.standin.context.changes, req, res);
  if (pathname === "/sandbox/api/state") {
    return sendJson(
      res,
      200,
      pageState(
        routes.world,
        url.searchParams.get("as") ?? undefined,
        url.searchParams.get("open") ?? undefined,
        url.searchParams.get("panel") ?? undefined,
      ),
    );
  }
  if (pathname.startsWith("/sandbox/files/")) return file(routes, res, pathname.slice("/sandbox/files/".length));
  if (pathname.startsWith(MINUTES_PREFIX)) {
    const served = routes.minutes.serve(pathname, `http://${req.headers.host ?? "localhost"}`);
    if (served) return send(res, 200, served.contentType, served.body);
  }
  send(res, 404, "text/plain; charset=utf-8", "Not found");
}

async function api(routes: SandboxRoutes, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (!isApiName(name)) return sendJson(res, 404, { ok: false, error: `No sandbox action ${name}` });
  const refusal = sameOriginJson(req);
  if (refusal) return sendJson(res, 403, { ok: false, error: refusal });
  const body = await readJson(req);
  if (body === undefined)
    return sendJson(res, 400, { ok: false, error: "The request body is not JSON (or is over 1 MB)." });
  sendJson(res, 200, await routes.actions.handle(name, body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function file(routes: SandboxRoutes, res: ServerResponse, id: string): void {
  const stored = routes.standin.file(id);
  if (!stored?.bytes) {
    send(res, 404, "text/plain; charset=utf-8", "No such file");
    return;
  }
  const name = stored.filename.replace(/[^\w.-]+/g, "_");
  send(res, 200, "application/octet-stream", stored.bytes, { "content-disposition": `attachment; filename="${name}"` });
}
