import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger";
import type { MetricsExposition } from "./metrics";

export interface MetricsServerOptions {
  port: number;
  host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | null;
  exposition: MetricsExposition;
  logger: Logger;
}

/**
 * GET /metrics on a port of its own, away from the port Slack and the load balancer reach:
 * loopback by default (a Prometheus agent on the same host), a bearer token when it must listen
 * wider.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    if (options.token && !bearerMatches(req.headers.authorization, options.token)) {
      res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
      return;
    }
    options.exposition.scrape().then(
      ({ contentType, body }) => {
        res.writeHead(200, { "content-type": contentType });
        res.end(body);
      },
      (error: unknown) => {
        options.logger.error("Could not gather the metrics", error);
        res.writeHead(500).end();
      },
    );
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve((server.address() as AddressInfo).port));
  });
  options.logger.info(`Metrics on http://${options.host}:${port}/metrics`);
  return { port, server };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
