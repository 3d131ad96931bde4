// The worker that reads one untrusted document at a time (document-reader.ts starts it), so that a
// document that takes too long or too much memory costs this thread, never the bot's.
import { parentPort } from "node:worker_threads";
import { MinutesParseError } from "../domain/errors";
import { DocumentLimitError } from "../domain/limits";
import { type ReadRequest, readMinutes } from "../domain/read";

export type WorkerReply =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof readMinutes>> }
  | { id: number; ok: false; error: SerialisedError };

export type SerialisedError =
  | { kind: "limit"; limit: DocumentLimitError["limit"]; reason: string }
  | { kind: "parse"; reason: string }
  | { kind: "other"; message: string };

function serialise(error: unknown): SerialisedError {
  if (error instanceof DocumentLimitError) return { kind: "limit", limit: error.limit, reason: error.reason };
  if (error instanceof MinutesParseError) return { kind: "parse", reason: error.reason };
  return { kind: "other", message: error instanceof Error ? error.message : String(error) };
}

const port = parentPort;
port?.on("message", async ({ id, request }: { id: number; request: ReadRequest }) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: await readMinutes(request) };
  } catch (error) {
    reply = { id, ok: false, error: serialise(error) };
  }
  port.postMessage(reply);
});
