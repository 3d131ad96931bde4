/** A fetch that failed, with the reason in words an admin can act on (shown by `/digest sources`). */
export class FetchError extends Error {
  override readonly name = "FetchError";
  constructor(
    readonly reason: string,
    /** False when trying again later cannot help (a refused address, a 404 is kept retrying). */
    readonly retryable = true,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}
