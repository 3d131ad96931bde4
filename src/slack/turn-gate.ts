/**
 * Node accepts one new connection per turn of its event loop, and a turn lasts as long as the
 * requests whose bytes arrived in it take to handle. In a burst, a turn spent on fifty requests
 * keeps each connection Slack opens meanwhile waiting through several such turns before its first
 * request is even read. Requests start here a few per turn, so turns stay short: a new
 * connection is accepted after a few requests' work rather than after every queued request's.
 *
 * Returns a function to call before a request's work: undefined when it may start at once (no
 * await, the usual case), otherwise a promise that resolves at its turn, in arrival order.
 */
export function turnGate(requestsPerTurn: number): () => Promise<void> | undefined {
  if (!(requestsPerTurn >= 1)) throw new RangeError(`requestsPerTurn must be at least 1, not ${requestsPerTurn}`);
  let startedThisTurn = 0;
  let turnEndScheduled = false;
  const waiting: Array<() => void> = [];

  const endTurn = () => {
    startedThisTurn = 0;
    while (startedThisTurn < requestsPerTurn && waiting.length > 0) {
      startedThisTurn += 1;
      waiting.shift()?.();
    }
    // Those let in here run in this turn's last phase: they count against the next turn's share.
    if (startedThisTurn > 0) setImmediate(endTurn);
    else turnEndScheduled = false;
  };

  return () => {
    if (!turnEndScheduled) {
      turnEndScheduled = true;
      setImmediate(endTurn);
    }
    if (waiting.length === 0 && startedThisTurn < requestsPerTurn) {
      startedThisTurn += 1;
      return undefined;
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
}
