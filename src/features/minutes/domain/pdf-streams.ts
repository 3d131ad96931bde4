import { constants, inflateSync } from "node:zlib";

const STREAM = Buffer.from("stream");
const END_STREAM = Buffer.from("endstream");

/**
 * Whether every deflated stream of a PDF, inflated, fits in `budget` bytes together. Each stream is
 * inflated with what is left of the budget as its ceiling, so a deflate bomb stops at the budget
 * instead of filling memory. Streams that are not deflate data (images in other codecs) count nothing.
 */
export function inflatesWithin(body: Uint8Array, budget: number): boolean {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let left = budget;
  let from = 0;
  for (;;) {
    const keyword = bytes.indexOf(STREAM, from);
    if (keyword < 0) return true;
    from = keyword + STREAM.length;
    if (keyword >= 3 && bytes.toString("latin1", keyword - 3, keyword) === "end") continue;
    let start = from;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue;
    start++;
    const end = bytes.indexOf(END_STREAM, start);
    if (end < 0) return true;
    from = end + END_STREAM.length;
    const data = bytes.subarray(start, end);
    if (data.length < 2 || !looksDeflated(data)) continue;
    const inflated = inflateOrNull(data, left);
    if (inflated === "too-large") return false;
    left -= inflated ?? 0;
  }
}

/** A zlib header: deflate method, a window size zlib knows, and a valid check value. */
function looksDeflated(data: Uint8Array): boolean {
  const [cmf = 0, flg = 0] = data;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

function inflateOrNull(data: Uint8Array, left: number): number | "too-large" | null {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, left), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return "too-large";
    return null;
  }
}
