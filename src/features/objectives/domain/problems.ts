import path from "node:path";

export interface KnowledgeBaseProblem {
  /** The file as an admin would find it: relative to the working directory when inside it. */
  file: string;
  /** Field path such as `passages[3].source`, a line (`line 7`), or "" for the whole file. */
  path: string;
  reason: string;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KnowledgeBaseProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "KnowledgeBaseError";
  }
}

export function formatProblem(problem: KnowledgeBaseProblem): string {
  return problem.path === ""
    ? `${problem.file}: ${problem.reason}`
    : `${problem.file}: ${problem.path}: ${problem.reason}`;
}

/** Formats a zod-style path: ["passages", 3, "source"] -> "passages[3].source". */
export function formatFieldPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((text, segment) => {
    if (typeof segment === "number") return `${text}[${segment}]`;
    return text === "" ? String(segment) : `${text}.${String(segment)}`;
  }, "");
}

export class ProblemList {
  private readonly problems: KnowledgeBaseProblem[] = [];

  add(file: string, fieldPath: string | readonly PropertyKey[], reason: string): void {
    const formattedPath = typeof fieldPath === "string" ? fieldPath : formatFieldPath(fieldPath);
    this.problems.push({ file: displayPath(file), path: formattedPath, reason });
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new KnowledgeBaseError(this.problems);
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
