import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server answers on one path. A function is called per request. */
export interface Resource {
  body: string | Uint8Array;
  contentType: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** Wait this long before answering (a slow server). */
  delayMs?: number;
  /** Answer with a redirect to this path instead. */
  redirectTo?: string;
}

export interface ServedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/**
 * A publisher on loopback (real HTTP) serving feeds and documents for ingestion tests: conditional
 * requests (ETag / Last-Modified -> 304), redirects, slow answers and 404s for unknown paths.
 */
export class MinutesServer {
  readonly requests: ServedRequest[] = [];
  private readonly resources = new Map<string, Resource | (() => Resource)>();
  private server: Server | undefined;
  private base = "";

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const path = request.url ?? "/";
      const found = this.resources.get(path);
      const resource = typeof found === "function" ? found() : found;
      const answer = (status: number, headers: Record<string, string>, body?: string | Uint8Array) => {
        this.requests.push({ path, headers: request.headers, status });
        response.writeHead(status, headers).end(body);
      };
      if (!resource) return answer(404, { "content-type": "text/html" }, "<h1>Page not found</h1>");
      const send = () => {
        if (resource.redirectTo) return answer(302, { location: resource.redirectTo });
        const notModified =
          (resource.etag && request.headers["if-none-match"] === resource.etag) ||
          (resource.lastModified && !resource.etag && request.headers["if-modified-since"] === resource.lastModified);
        const validators = {
          ...(resource.etag ? { etag: resource.etag } : {}),
          ...(resource.lastModified ? { "last-modified": resource.lastModified } : {}),
        };
        if (notModified) return answer(304, validators);
        answer(resource.status ?? 200, { "content-type": resource.contentType, ...validators }, resource.body);
      };
      if (resource.delayMs) setTimeout(send, resource.delayMs);
      else send();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  get baseUrl(): string {
    return this.base;
  }

  serve(path: string, resource: Resource | (() => Resource)): void {
    this.resources.set(path, resource);
  }

  requestsFor(path: string): ServedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
