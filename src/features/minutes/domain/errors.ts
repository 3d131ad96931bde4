/** Raised when a feed or a fetched minutes document cannot be read; `reason` says why in plain words. */
export class MinutesParseError extends Error {
  override readonly name = "MinutesParseError";
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}
