import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChangeFeed } from "../state/changes";

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events: `event: change` with the new version whenever the stand-in's visible state
 * changes, the current version first. Changes made in one turn of the event loop go out as one
 * event; a comment line every 15 s keeps proxies from closing a quiet stream.
 */
export function streamChanges(changes: ChangeFeed, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  let pending = false;
  const send = () => {
    pending = false;
    res.write(`event: change\ndata: ${changes.version}\n\n`);
  };
  const unsubscribe = changes.subscribe(() => {
    if (pending) return;
    pending = true;
    setImmediate(send);
  });
  const heartbeat = setInterval(() => res.write(": still here\n\n"), HEARTBEAT_MS);
  heartbeat.unref();
  req.once("close", () => {
    unsubscribe();
    clearInterval(heartbeat);
  });
  send();
}
