import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The project's own test documents (test/fixtures/minutes/README.md says what each one is). */
const ownRoot = new URL("../fixtures/minutes/", import.meta.url);

/** One of our own test documents under test/fixtures/minutes/. */
export function ownFile(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(name, ownRoot)));
}

/** One of our own text documents (minutes as plain text, feeds) as a string. */
export function ownText(name: string): string {
  return ownFile(name).toString("utf8");
}

/** What a fetcher knows about a document besides its text: where it was found and the title it was given. */
export interface DocumentHints {
  url: string;
  title: string;
}

/** The address and title recorded for a plain-text document in test/fixtures/minutes/text-documents.yaml. */
export function ownDocumentHints(name: string): DocumentHints {
  const all = parse(ownText("text-documents.yaml")) as Record<string, Partial<DocumentHints>>;
  const hints = all[name];
  if (!hints?.url || !hints.title)
    throw new Error(`test/fixtures/minutes/text-documents.yaml has no url and title for ${name}`);
  return { url: hints.url, title: hints.title };
}
