import type { IncomingMessage } from "node:http";
import type { Params } from "../api/params";

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export type ParsedCall = { ok: true; params: Params; token?: string } | { ok: false; error: string };

/**
 * Arguments of a Web API call as @slack/web-api sends them: form-encoded (objects JSON-encoded
 * in fields), JSON (token only in the Authorization header, as Slack requires), or multipart.
 */
export async function parseApiCall(
  raw: Buffer,
  contentType: string | undefined,
  authorization: string | undefined,
  query: URLSearchParams,
): Promise<ParsedCall> {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1];
  const fromQuery = Object.fromEntries(query);
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (raw.length === 0) return withToken(fromQuery, bearer, true);
  if (type === "application/json") {
    const parsed = parseJsonObject(raw.toString("utf8"));
    if (typeof parsed === "string") return { ok: false, error: parsed };
    return withToken({ ...fromQuery, ...parsed }, bearer, false);
  }
  if (type === "multipart/form-data")
    return withToken({ ...fromQuery, ...(await parseMultipart(raw, contentType ?? "")) }, bearer, true);
  if (type === "") return { ok: false, error: "missing_post_type" };
  const form = Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
  return withToken({ ...fromQuery, ...form }, bearer, true);
}

function withToken(params: Params, bearer: string | undefined, tokenArgAllowed: boolean): ParsedCall {
  const { token, ...rest } = params;
  const fromArgs = tokenArgAllowed && typeof token === "string" ? token : undefined;
  return { ok: true, params: rest, token: bearer ?? fromArgs };
}

/** An object, or Slack's error code for a body that is not one. */
export function parseJsonObject(text: string): Record<string, unknown> | "invalid_json" | "json_not_object" {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "invalid_json";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "json_not_object";
  return value as Record<string, unknown>;
}

/** Multipart fields; file parts become Buffers. Parsed by the platform's fetch Request. */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<Record<string, string | Buffer>> {
  const request = new Request("http://standin.local/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: new Uint8Array(raw),
  });
  const parts: Promise<[string, string | Buffer]>[] = [];
  (await request.formData()).forEach((value, key) => {
    parts.push(
      typeof value === "string"
        ? Promise.resolve([key, value])
        : value.arrayBuffer().then((b) => [key, Buffer.from(b)]),
    );
  });
  return Object.fromEntries(await Promise.all(parts));
}
