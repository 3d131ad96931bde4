/** The workspace an interaction came from: every concern read and write is scoped to it. */
export function workspaceOf(body: {
  team?: { id?: string } | null;
  user?: { team_id?: string } | null;
  view?: { team_id?: string };
}): string {
  const id = body.team?.id ?? body.view?.team_id ?? body.user?.team_id;
  if (!id) throw new Error("The request names no workspace");
  return id;
}

/** A short description of an error for the logs: never its message, which may quote a concern. */
export function errorKind(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const name = error instanceof Error ? error.name : typeof error;
  return typeof code === "string" ? `${name} (${code})` : name;
}
