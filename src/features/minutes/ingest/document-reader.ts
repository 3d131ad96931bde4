import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { MinutesParseError } from "../domain/errors";
import { documentKind } from "../domain/extract";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DocumentLimitError,
  type DocumentLimits,
  tookTooLong,
  usedTooMuchMemory,
} from "../domain/limits";
import { type MinutesBuilder, type ReadMinutes, type ReadRequest, readMinutes } from "../domain/read";
import type { SerialisedError, WorkerReply } from "./parse-worker";

/** Reads one fetched document into bounded MinutesJson. */
export interface DocumentReader {
  read(request: ReadRequest): Promise<ReadMinutes>;
  close(): Promise<void>;
}

/** Pages at least this large are read in the worker; smaller ones (most HTML and text) take less than starting it. */
export const IN_THREAD_MAX_BYTES = 256 * 1024;

/**
 * Where the worker's code is: beside this file when running from the TypeScript sources (tests, `tsx`),
 * or the bundle scripts/build.mjs writes to dist/ (this module may itself be in dist/ or dist/chunks/).
 */
function workerEntry(): { url: URL; eval?: string } {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    // The sources need compiling on load: tsx's loader, registered in the worker before the entry is imported.
    const tsx = pathToFileURL(
      createRequire(here)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs"),
    );
    const entry = new URL("./parse-worker.ts", here);
    const code = `import(${JSON.stringify(tsx.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
    return { url: entry, eval: code };
  }
  for (const candidate of ["./minutes-parse-worker.js", "../minutes-parse-worker.js"]) {
    const url = new URL(candidate, here);
    if (existsSync(url)) return { url };
  }
  throw new Error(`The minutes parse worker was not found beside ${here}: run \`npm run build\`.`);
}

/**
 * Reads PDFs and large pages in a worker thread, one document at a time, with a heap limit and a time
 * limit: a document that exceeds either is stopped (the worker terminated and started afresh for the
 * next one) and refused with the limit named, while the bot's own thread carries on answering.
 * Small HTML and text documents are read in this thread within the same size limits.
 */
export class IsolatedDocumentReader implements DocumentReader {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(
    private readonly options: {
      limits?: DocumentLimits;
      /** Replaces parsing and tagging (tests): every document is then read in this thread. */
      build?: MinutesBuilder;
      /** Read in the worker whatever its size (bench, tests). */
      alwaysInWorker?: boolean;
    } = {},
  ) {}

  private get limits(): DocumentLimits {
    return this.options.limits ?? DEFAULT_DOCUMENT_LIMITS;
  }

  read(request: ReadRequest): Promise<ReadMinutes> {
    const withLimits = { ...request, limits: request.limits ?? this.limits };
    if (this.options.build) return readMinutes(withLimits, this.options.build);
    if (!this.needsWorker(request)) return readMinutes(withLimits);
    const run = this.queue.then(() => this.inWorker(withLimits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private needsWorker({ document }: ReadRequest): boolean {
    if (this.options.alwaysInWorker || document.body.byteLength >= IN_THREAD_MAX_BYTES) return true;
    try {
      return documentKind(document) === "pdf";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const entry = workerEntry();
    const worker = new Worker(entry.eval ?? entry.url, {
      eval: entry.eval !== undefined,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }

  private inWorker(request: ReadRequest & { limits: DocumentLimits }): Promise<ReadMinutes> {
    const url = request.document.url;
    const limits = request.limits;
    this.worker ??= this.spawn();
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise<ReadMinutes>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        worker.unref();
        outcome();
      };
      const stop = () => {
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        settle(() => (reply.ok ? resolve(reply.result) : reject(deserialise(reply.error))));
      };
      const onError = (error: Error & { code?: string }) => {
        stop();
        settle(() =>
          reject(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? usedTooMuchMemory(url, limits)
              : new MinutesParseError(`${url} could not be read: ${error.message}`, { cause: error }),
          ),
        );
      };
      const onExit = (code: number) =>
        settle(() =>
          reject(new MinutesParseError(`${url} could not be read: the reader stopped (exit code ${code}).`)),
        );
      const timer = setTimeout(() => {
        stop();
        settle(() => reject(tookTooLong(url, limits)));
      }, limits.timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.ref();
      worker.postMessage({ id, request });
    });
  }
}

function deserialise(error: SerialisedError): Error {
  if (error.kind === "limit") return new DocumentLimitError(error.limit, error.reason);
  if (error.kind === "parse") return new MinutesParseError(error.reason);
  return new Error(error.message);
}
