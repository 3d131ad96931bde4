import type { IdentityMode } from "./concern";

/** Who raised a concern, as stored. An anonymous reporter has no user id by construction. */
export type ReporterIdentity =
  | { mode: "named"; userId: string; name: string | null }
  | { mode: "confidential"; userId: string; name: string | null }
  | { mode: "anonymous" };

export type Viewer = "lead" | "staff";

export interface SlackUser {
  id: string;
  name?: string | null;
}

/** The only way to turn a submitting user into stored identity: anonymous drops the user entirely. */
export function reporterIdentity(mode: IdentityMode, user: SlackUser): ReporterIdentity {
  if (mode === "anonymous") return { mode };
  return { mode, userId: user.id, name: user.name?.trim() || null };
}

/** How the reporter is shown: confidential names are for concern leads only. */
export function reporterLabel(identity: ReporterIdentity, viewer: Viewer): string {
  switch (identity.mode) {
    case "anonymous":
      return "anonymous";
    case "named":
      return describeUser(identity);
    case "confidential":
      return viewer === "lead" ? `confidential: ${describeUser(identity)}` : "confidential";
  }
}

function describeUser(identity: { userId: string; name: string | null }): string {
  return identity.name ? `${identity.name} (${identity.userId})` : identity.userId;
}
