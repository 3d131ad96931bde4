/** The audit chain's head moved while this transaction was appending to it. */
export class AuditHeadMoved extends Error {
  override name = "AuditHeadMoved";
}
