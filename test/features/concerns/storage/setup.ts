import { ManualClock } from "../../../../src/clock";
import {
  type ConcernDraft,
  type ConcernDraftInput,
  validateConcernDraft,
} from "../../../../src/features/concerns/domain/concern";
import {
  type ConcernServices,
  createConcernServices,
  type Submission,
} from "../../../../src/features/concerns/domain/services";
import { type ConcernDatabase, createConcernStorage } from "../../../../src/features/concerns/storage";
import { type Database, openDatabase } from "../../../../src/storage/database";
import { freshDatabaseUrl, type Provider } from "../../../support/databases";

export const PEPPER = "storage-test-pepper-0123456789abcdef0123";
export const WORKSPACE = "T0LOCAL";
export const LEAD = "U0LEAD001";

export interface ConcernFixture {
  database: Database;
  storage: ConcernDatabase;
  services: ConcernServices;
  clock: ManualClock;
  url: string;
}

/** Real storage on a fresh migrated database, with the services the app builds on it. */
export async function concernFixture(provider: Provider, url?: string): Promise<ConcernFixture> {
  const databaseUrl = url ?? (await freshDatabaseUrl(provider));
  const database = await openDatabase(databaseUrl);
  const storage = createConcernStorage(database.db, database.provider);
  const clock = new ManualClock(new Date("2026-03-02T10:00:00Z"));
  const services = createConcernServices(
    storage,
    {
      leads: [LEAD],
      leadGroup: null,
      acknowledgeWithinWorkingDays: 2,
      retentionYears: 3,
      anonymousDailyLimit: 3,
      receiptPepper: PEPPER,
    },
    clock,
  );
  return { database, storage, services, clock, url: databaseUrl };
}

export function draft(overrides: Partial<ConcernDraftInput> = {}): ConcernDraft {
  const result = validateConcernDraft({
    whatHappened: "The regional team told us which community provider to commission.",
    objective: "1",
    body: "regional_team",
    impact: "high",
    identityMode: "named",
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.draft;
}

let views = 0;

export function submission(overrides: Partial<Submission> = {}): Submission {
  views += 1;
  return {
    workspaceId: WORKSPACE,
    user: { id: "U0STAFF01", name: "Priya Shah" },
    draft: draft(),
    source: null,
    keepSourceLink: false,
    viewId: `V${views}`,
    signposts: [],
    confirmableWhereRaised: true,
    ...overrides,
  };
}

export const SOURCE = {
  text: "The Board has decided the stroke pathway for every CCG in the region.",
  channelId: "C0COMMISS",
  ts: "1772445600.000100",
  threadTs: null,
  permalink: "https://localism-local.slack.com/archives/C0COMMISS/p1772445600000100",
  author: "U0STAFF02",
};
