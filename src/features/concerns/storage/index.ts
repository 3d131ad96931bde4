import type { DatabaseProvider } from "../../../config";
import type { Db } from "../../../storage/database";
import type { ConcernStorage } from "../domain/services";
import { AuditLog } from "./audit-log";
import { ConcernCheckins } from "./checkins";
import { ConcernQueries } from "./concern-queries";
import { ConcernRepository } from "./concern-repository";
import { ConcernDrafts } from "./drafts";
import { ConcernMinutesLinks } from "./minutes-links";
import { ConcernOutbox } from "./outbox";
import { ConcernPosts } from "./posts";
import { ReminderClaims } from "./reminder-claims";
import { ConcernRetention } from "./retention";

export { AuditLog } from "./audit-log";
export { ConcernCheckins } from "./checkins";
export { ConcernQueries } from "./concern-queries";
export { ConcernRepository } from "./concern-repository";
export { ConcernDrafts } from "./drafts";
export { ConcernMinutesLinks } from "./minutes-links";
export { ConcernOutbox, confirmKey } from "./outbox";
export { ConcernPosts } from "./posts";
export { ReminderClaims } from "./reminder-claims";
export { ConcernRetention } from "./retention";

export interface ConcernDatabase extends ConcernStorage {
  drafts: ConcernDrafts;
  outbox: ConcernOutbox;
}

export function createConcernStorage(db: Db, provider: DatabaseProvider): ConcernDatabase {
  const audit = new AuditLog(db, provider);
  const outbox = new ConcernOutbox(db);
  return {
    audit,
    outbox,
    writes: new ConcernRepository(db, audit, outbox),
    reads: new ConcernQueries(db),
    reminders: new ReminderClaims(db),
    retention: new ConcernRetention(audit),
    drafts: new ConcernDrafts(db),
    posts: new ConcernPosts(db),
    checkins: new ConcernCheckins(db),
    minutesLinks: new ConcernMinutesLinks(db),
  };
}
