import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}

/**
 * The document parsers, loaded the first time a document is read: a command that reads none
 * (`localism ask`) starts without them.
 */
export const linkedom = onFirstUse<typeof import("linkedom")>("linkedom");
export const readability = onFirstUse<typeof import("@mozilla/readability")>("@mozilla/readability");
export const feedsmith = onFirstUse<typeof import("feedsmith")>("feedsmith");
