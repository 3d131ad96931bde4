import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { FetchError } from "./fetch-error";
import { checkLiteralHost, guardedLookup } from "./guarded-lookup";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivateHosts: boolean;
  userAgent: string;
}

/** What the last fetch returned, sent back so an unchanged resource costs a 304. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | { status: "not-modified"; url: string }
  | {
      status: "ok";
      url: string;
      contentType: string;
      body: Uint8Array;
      etag: string | null;
      lastModified: string | null;
    };

export interface Fetcher {
  fetch(url: string, validators?: Validators): Promise<FetchResult>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, application/pdf, text/plain;q=0.8, */*;q=0.5";

/**
 * GETs a feed or document over HTTP(S): one deadline for the whole fetch, a size cap on the
 * (decompressed) body, redirects followed up to a limit and each checked, conditional requests,
 * and no connection to loopback or private addresses unless allowed.
 */
export class HttpFetcher implements Fetcher {
  constructor(private readonly limits: FetchLimits) {}

  async fetch(url: string, validators: Validators = {}): Promise<FetchResult> {
    const signal = AbortSignal.timeout(this.limits.timeoutMs);
    let current = parseHttpUrl(url);
    for (let redirects = 0; ; redirects++) {
      const response = await this.request(current, validators, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.resume();
        if (redirects >= this.limits.maxRedirects)
          throw new FetchError(`Too many redirects (more than ${this.limits.maxRedirects}) from ${url}.`);
        current = parseHttpUrl(new URL(location, current).toString());
        continue;
      }
      if (status === 304) {
        response.resume();
        return { status: "not-modified", url: current.toString() };
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FetchError(
          `${current} answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}.`,
        );
      }
      const body = await this.readBody(response, current, signal);
      return {
        status: "ok",
        url: current.toString(),
        contentType: response.headers["content-type"] ?? "",
        body,
        etag: header(response.headers.etag),
        lastModified: header(response.headers["last-modified"]),
      };
    }
  }

  private request(url: URL, validators: Validators, signal: AbortSignal): Promise<http.IncomingMessage> {
    checkLiteralHost(url.hostname, this.limits.allowPrivateHosts);
    const client = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = {
      "user-agent": this.limits.userAgent,
      accept: ACCEPT,
      "accept-encoding": "gzip, deflate, br",
    };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    return new Promise((resolve, reject) => {
      const request = client.get(
        url,
        { headers, signal, lookup: guardedLookup(this.limits.allowPrivateHosts) },
        resolve,
      );
      request.on("error", (error) => reject(explain(error, url, signal, this.limits)));
    });
  }

  private async readBody(response: http.IncomingMessage, url: URL, signal: AbortSignal): Promise<Uint8Array> {
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > this.limits.maxBytes) {
      response.destroy();
      throw tooLarge(url, this.limits.maxBytes);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of decoded(response)) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        total += buffer.length;
        if (total > this.limits.maxBytes) {
          response.destroy();
          throw tooLarge(url, this.limits.maxBytes);
        }
        chunks.push(buffer);
      }
    } catch (error) {
      throw error instanceof FetchError ? error : explain(error, url, signal, this.limits);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "").toLowerCase().trim();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError(`"${text}" is not a web address.`, false);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchError(`Only http and https addresses can be fetched, not ${url.protocol}`, false);
  return url;
}

function tooLarge(url: URL, maxBytes: number): FetchError {
  return new FetchError(`${url} is larger than the ${formatBytes(maxBytes)} limit, so it was not read.`);
}

function explain(error: unknown, url: URL, signal: AbortSignal, limits: FetchLimits): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted)
    return new FetchError(`${url} did not answer within ${limits.timeoutMs / 1000} seconds.`, true, { cause: error });
  const code = (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOTFOUND: `the host ${url.hostname} was not found`,
    ECONNREFUSED: `${url.host} refused the connection`,
    ECONNRESET: `${url.host} closed the connection`,
    ETIMEDOUT: `${url.host} did not answer`,
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new FetchError(`Could not fetch ${url}: ${reason}.`, true, { cause: error });
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} kB`;
}
