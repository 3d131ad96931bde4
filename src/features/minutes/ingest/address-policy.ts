import { BlockList, isIP } from "node:net";

/**
 * Addresses a fetch must not reach unless private hosts are allowed: loopback, private networks,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and
 * unspecified ranges, in IPv4 and IPv6. An IPv6 address that carries an IPv4 one (mapped, the old
 * compatible form, NAT64's well-known prefix, 6to4) is judged by the IPv4 address it reaches;
 * Teredo's, which hides it, is refused.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** True for an address on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, "ipv4");
  if (family !== 6) return false;
  const carried = carriedIpv4(address);
  if (carried) return isPublicAddress(carried);
  return !NOT_PUBLIC.check(address, "ipv6");
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 well-known prefix, 6to4), if any. */
function carriedIpv4(address: string): string | null {
  const words = ipv6Words(address);
  if (!words) return null;
  const zeros = (from: number, to: number) => words.slice(from, to).every((word) => word === 0);
  const ipv4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join(".");
  if (zeros(0, 5) && (words[5] === 0xffff || words[5] === 0)) return ipv4(words[6] ?? 0, words[7] ?? 0);
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return ipv4(words[6] ?? 0, words[7] ?? 0);
  if (words[0] === 0x2002) return ipv4(words[1] ?? 0, words[2] ?? 0);
  return null;
}

/** The eight 16-bit words of a valid IPv6 address (a trailing dotted IPv4 part allowed). */
function ipv6Words(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parts = (part: string) => (part === "" ? [] : part.split(":").map((word) => Number.parseInt(word, 16)));
  const front = parts(head);
  const back = tail === undefined ? [] : parts(tail);
  const missing = 8 - front.length - back.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const words = [...front, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...back];
  return words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff) ? words : null;
}
