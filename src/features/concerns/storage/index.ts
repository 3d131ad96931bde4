import type { DatabaseProvider } from "../../../config";
import type { Db } from "../../../storage/database";
import type { ConcernStorage } from "../domain/services";
import { AuditLog } from "./audit-log";
import { ConcernQueries } from "./concern-queries";
import { ConcernRepository } from "./concern-repository";
import { ConcernDrafts } from "./drafts";
import { ReminderClaims } from "./reminder-claims";
import { ConcernRetention } from "./retention";

export { AuditLog } from "./audit-log";
export { ConcernQueries } from "./concern-queries";
export { ConcernRepository } from "./concern-repository";
export { ConcernDrafts } from "./drafts";
export { ReminderClaims } from "./reminder-claims";
export { ConcernRetention } from "./retention";

export interface ConcernDatabase extends ConcernStorage {
  drafts: ConcernDrafts;
}

export function createConcernStorage(db: Db, provider: DatabaseProvider): ConcernDatabase {
  const audit = new AuditLog(db, provider);
  return {
    audit,
    writes: new ConcernRepository(db, audit),
    reads: new ConcernQueries(db),
    reminders: new ReminderClaims(db),
    retention: new ConcernRetention(audit),
    drafts: new ConcernDrafts(db),
  };
}
