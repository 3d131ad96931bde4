import type { IncomingMessage, ServerResponse } from "node:http";
import { answerApiCall } from "../api/router";
import type { StandinContext } from "../context";
import { parseApiCall, parseMultipart, readBody } from "./body";
import { streamChanges } from "./changes-stream";
import { answerResponseUrl } from "./response-url";

/**
 * The stand-in's HTTP surface:
 *   /api/<method>          Web API (what WebClient's slackApiUrl points at)
 *   POST /upload/<fileId>  upload_url from files.getUploadURLExternal
 *   POST /response/<id>    response_urls handed out with commands and interactions
 *   GET /files/<id>/<name> url_private of an uploaded file (bearer token required)
 *   GET /changes           server-sent events: the state version, each time something visible changes
 *   GET /oauth/v2/authorize the page an install starts at: approves at once and redirects back to the app
 */
export function standinRequestHandler(ctx: StandinContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(ctx, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, { ok: false, error: "fatal_error", response_metadata: { messages: [message] } });
    });
  };
}

async function route(ctx: StandinContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", ctx.baseUrl);
  const [, section, id] = url.pathname.split("/");
  const raw = await readBody(req);
  if (section === "api" && id) return api(ctx, req, res, id, raw, url.searchParams);
  if (section === "upload" && id && req.method === "POST") return upload(ctx, req, res, id, raw);
  if (section === "response" && id && req.method === "POST") {
    // A response_url belongs to the workspace whose command or interaction it came with.
    const team = [...ctx.teams.values()].find((candidate) => candidate.responseUrls.issued(id)) ?? ctx;
    const answer = answerResponseUrl(team, id, raw);
    return sendJson(res, answer.status, answer.body);
  }
  if (section === "files" && id && req.method === "GET") return download(ctx, req, res, id);
  if (section === "changes" && !id && req.method === "GET") return streamChanges(ctx.changes, req, res);
  if (url.pathname === "/oauth/v2/authorize" && req.method === "GET") {
    const answer = ctx.oauth.authorize(url.searchParams);
    if (answer.status === 302) {
      res.writeHead(302, { location: answer.location });
      return void res.end();
    }
    return sendText(res, answer.status, answer.error);
  }
  sendJson(res, 404, { ok: false, error: "not_found" });
}

async function api(
  ctx: StandinContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  raw: Buffer,
  query: URLSearchParams,
) {
  const parsed = await parseApiCall(raw, req.headers["content-type"], req.headers.authorization, query);
  if (!parsed.ok) return sendJson(res, 200, { ok: false, error: parsed.error });
  const answer = await answerApiCall(ctx, { method, params: parsed.params, token: parsed.token });
  sendJson(res, answer.status, answer.body, answer.headers);
}

/** @slack/web-api posts the bytes as multipart (one file part); raw bodies are accepted too. */
async function upload(ctx: StandinContext, req: IncomingMessage, res: ServerResponse, fileId: string, raw: Buffer) {
  const contentType = req.headers["content-type"] ?? "";
  let bytes = raw;
  if (contentType.startsWith("multipart/form-data")) {
    const parts = Object.values(await parseMultipart(raw, contentType));
    bytes = parts.find((p): p is Buffer => Buffer.isBuffer(p)) ?? Buffer.from(String(parts[0] ?? ""));
  }
  if (!ctx.files.receiveBytes(fileId, bytes)) return sendText(res, 404, "file_not_found");
  sendText(res, 200, `OK - ${bytes.length}`);
}

function download(ctx: StandinContext, req: IncomingMessage, res: ServerResponse, fileId: string) {
  if (req.headers.authorization !== `Bearer ${ctx.token}`) return sendText(res, 403, "forbidden");
  const file = ctx.files.find(fileId);
  if (!file?.bytes) return sendText(res, 404, "file_not_found");
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
  res.end(file.bytes);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
