import type { Core } from "../core";
import { UsageError } from "./duration";

/**
 * The workspace a listing reads: the one asked for (--workspace), or the only one the database
 * serves. With several and none asked for, the command refuses rather than mix their data.
 */
export async function chooseWorkspace(core: Core, asked: string | undefined): Promise<string | null> {
  const workspaces = await core.workspaces.list();
  if (!asked && workspaces.length > 1) {
    throw new UsageError(
      `This database serves ${workspaces.length} workspaces; choose one with --workspace (${workspaces.map((w) => w.id).join(", ")}).`,
    );
  }
  return asked ?? workspaces[0]?.id ?? null;
}
