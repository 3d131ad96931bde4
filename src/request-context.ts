import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What every log line written while handling one request says about it. */
export interface RequestContext {
  requestId: string;
  workspaceId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts) as part of one request, with a new request id. */
export function inRequest<T>(workspaceId: string | null, work: () => T): T {
  return storage.run({ requestId: randomUUID(), workspaceId }, work);
}

/** The request being handled, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
