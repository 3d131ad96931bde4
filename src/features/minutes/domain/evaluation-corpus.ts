/**
 * Reading a labelled corpus (a folder of documents, each with a YAML label of the same base name)
 * and scoring what ingestion extracts from it, beside the plain baseline.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { buildMinutesDocument, type MinutesJson } from "./document";
import type { CorpusLabel, DocumentScore, EvaluationFigures } from "./evaluation";
import { corpusLabelSchema, scoreDocument, summarise } from "./evaluation";
import { baselineDocument } from "./evaluation-baseline";
import { extractText } from "./extract";
import type { TaggingVocabulary } from "./tagging";

const CONTENT_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".html": "text/html",
  ".htm": "text/html",
  ".txt": "text/plain",
};

export interface CorpusDocument {
  /** The document's file name, as its label names it. */
  name: string;
  file: string;
  contentType: string;
  body: Uint8Array;
  label: CorpusLabel;
}

export class CorpusError extends Error {}

/** The folder's labelled documents, optionally only those of one half named in its splits.yaml. */
export async function loadCorpus(folder: string, split?: string): Promise<CorpusDocument[]> {
  const names = (await readdir(folder)).sort();
  const wanted = split ? await splitNames(folder, split) : null;
  const documents: CorpusDocument[] = [];
  for (const name of names) {
    const extension = path.extname(name).toLowerCase();
    const contentType = CONTENT_TYPES[extension];
    if (!contentType || (wanted && !wanted.has(name))) continue;
    const labelFile = path.join(folder, `${path.basename(name, path.extname(name))}.yaml`);
    let labelText: string;
    try {
      labelText = await readFile(labelFile, "utf8");
    } catch {
      continue;
    }
    const parsed = corpusLabelSchema.safeParse(parse(labelText));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CorpusError(`${labelFile}: ${issue?.path.join(".") || "label"}: ${issue?.message ?? "not a label"}`);
    }
    if (parsed.data.document !== name)
      throw new CorpusError(`${labelFile} labels ${parsed.data.document}, not ${name}`);
    const file = path.join(folder, name);
    documents.push({ name, file, contentType, body: new Uint8Array(await readFile(file)), label: parsed.data });
  }
  if (wanted) {
    const missing = [...wanted].filter((name) => !documents.some((document) => document.name === name));
    if (missing.length) throw new CorpusError(`splits.yaml names documents with no label: ${missing.join(", ")}`);
  }
  return documents;
}

async function splitNames(folder: string, split: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path.join(folder, "splits.yaml"), "utf8");
  } catch {
    throw new CorpusError(`${folder} has no splits.yaml, so there is no "${split}" half`);
  }
  const splits = parse(text) as Record<string, unknown>;
  const names = splits?.[split];
  if (!Array.isArray(names)) {
    throw new CorpusError(`splits.yaml has no "${split}" list (it has ${Object.keys(splits ?? {}).join(", ")})`);
  }
  return new Set(names.map(String));
}

/** A document read as ingestion reads it: its text extracted, then parsed and tagged. */
export async function extractCorpusDocument(
  document: CorpusDocument,
  vocabulary: TaggingVocabulary,
): Promise<{ text: string; extraction: MinutesJson }> {
  const url = pathToFileURL(document.file).toString();
  const extracted = await extractText({ contentType: document.contentType, body: document.body, url });
  const extraction = buildMinutesDocument(
    extracted.text,
    { url, ...(extracted.title ? { title: extracted.title } : {}) },
    vocabulary,
  );
  return { text: extracted.text, extraction };
}

export interface CorpusEvaluation {
  figures: EvaluationFigures;
  scores: DocumentScore[];
  baseline: { figures: EvaluationFigures; scores: DocumentScore[] };
}

/** Scores the extraction of every document, and the plain baseline on the same text. */
export async function evaluateCorpus(
  documents: CorpusDocument[],
  vocabulary: TaggingVocabulary,
  baselineVocabulary: TaggingVocabulary = vocabulary,
): Promise<CorpusEvaluation> {
  const scores: DocumentScore[] = [];
  const baseline: DocumentScore[] = [];
  for (const document of documents) {
    const { text, extraction } = await extractCorpusDocument(document, vocabulary);
    scores.push(scoreDocument(document.label, extraction));
    baseline.push(scoreDocument(document.label, baselineDocument(text, extraction.url, baselineVocabulary)));
  }
  return {
    figures: summarise(scores),
    scores,
    baseline: { figures: summarise(baseline), scores: baseline },
  };
}
