import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Db } from "./database";
import type { TokenCipher } from "./token-cipher";

/** Where an installation is found: a workspace (team id), or org-wide (enterprise id). */
export interface InstallationKey {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * Bolt's installation store, in the database. The whole Installation (bot token, and any user
 * token or refresh token Slack returns) is stored encrypted; only the ids used to find it are
 * plain. An org-wide (Enterprise Grid) install is keyed by its enterprise id and serves every
 * workspace in the organisation.
 */
export class InstallationRepository implements InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterpriseInstall = Boolean(installation.isEnterpriseInstall);
    const teamId = installation.team?.id ?? null;
    const enterpriseId = installation.enterprise?.id ?? null;
    const id = isEnterpriseInstall ? enterpriseId : teamId;
    if (!id) throw new Error("An installation needs a team id, or an enterprise id when org-wide");
    const secret = this.cipher.encrypt(JSON.stringify(installation));
    const now = this.now();
    await this.db.slackInstallation.upsert({
      where: { id },
      create: { id, teamId, enterpriseId, isEnterpriseInstall, secret, installedAt: now, updatedAt: now },
      update: { teamId, enterpriseId, isEnterpriseInstall, secret, updatedAt: now },
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    const found = await this.find(query);
    if (!found) throw new Error(`No installation for ${describe(query)}`);
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.remove(query);
  }

  /** The installation serving this workspace or organisation, or null when the app is not installed there. */
  async find(key: InstallationKey): Promise<Installation<"v1" | "v2", boolean> | null> {
    const row = await this.rowFor(key);
    if (!row) return null;
    const installation = JSON.parse(this.cipher.decrypt(row.secret)) as Installation<"v1" | "v2", boolean>;
    // Written under an older key: rewritten under the current one, so the old key can be retired.
    if (this.cipher.needsRewrap(row.secret)) {
      await this.db.slackInstallation.updateMany({
        where: { id: row.id, secret: row.secret },
        data: { secret: this.cipher.encrypt(JSON.stringify(installation)) },
      });
    }
    return installation;
  }

  /** Removes the installation a workspace or organisation was using; returns the ids removed. */
  async remove(key: InstallationKey): Promise<string[]> {
    const row = await this.rowFor(key);
    if (!row) return [];
    await this.db.slackInstallation.deleteMany({ where: { id: row.id } });
    return [row.id];
  }

  async count(): Promise<number> {
    return this.db.slackInstallation.count();
  }

  private async rowFor(key: InstallationKey) {
    if (key.isEnterpriseInstall && key.enterpriseId) {
      return this.db.slackInstallation.findUnique({ where: { id: key.enterpriseId } });
    }
    if (key.teamId) {
      const team = await this.db.slackInstallation.findUnique({ where: { id: key.teamId } });
      if (team) return team;
    }
    if (!key.enterpriseId) return null;
    return this.db.slackInstallation.findFirst({ where: { id: key.enterpriseId, isEnterpriseInstall: true } });
  }
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`;
}
