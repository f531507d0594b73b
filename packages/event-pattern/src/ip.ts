/**
 * IP address and CIDR handling for the `cidr` operator and for exact-match strings that are IP literals.
 *
 * Follows aws/event-ruler `CIDR.java`, the engine behind EventBridge patterns:
 * - a string is only treated as an IP address when it *looks* like one (IPv4: four dot-separated digit runs;
 *   IPv6: hex digits and colons with at least one colon) — so IPv4-in-IPv6 forms such as `::ffff:1.2.3.4` are not;
 * - an IPv6 literal that is an IPv4-mapped address (`::ffff:a00:1`) is the IPv4 address, as Java's InetAddress reads it;
 * - mask bits must be `< 32` (IPv4) or `< 128` (IPv6): Ruler refuses `/32` and `/128`.
 */

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = readonly number[];

export interface CidrRange {
  readonly low: IpBytes;
  readonly high: IpBytes;
}

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

export function looksLikeIp(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/** Parses an IP literal, or returns undefined when the text is not a valid IPv4/IPv6 literal. */
export function parseIp(text: string): IpBytes | undefined {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
}

function parseIpv4(text: string): IpBytes | undefined {
  const bytes = text.split('.').map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): IpBytes | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  // Java's InetAddress turns an IPv4-mapped IPv6 literal into the IPv4 address itself.
  const isV4Mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return isV4Mapped ? bytes.slice(12) : bytes;
}

export function sameIp(a: IpBytes, b: IpBytes): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function inRange(ip: IpBytes, range: CidrRange): boolean {
  if (ip.length !== range.low.length) return false;
  return compareBytes(ip, range.low) >= 0 && compareBytes(ip, range.high) <= 0;
}

function compareBytes(a: IpBytes, b: IpBytes): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Parses `addr/bits`; returns the range or the reason EventBridge gives for refusing it. */
export function parseCidr(text: string): { range: CidrRange } | { error: string } {
  // Java's String.split drops trailing empty strings, so "10.0.0.0/8/" still has exactly one '/'.
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return { error: "Malformed CIDR, one '/' required" };
  const [addr = '', bitsText = ''] = parts;
  if (!/^[+-]?[0-9]+$/.test(bitsText) || Math.abs(Number(bitsText)) > 2 ** 31 - 1) {
    return { error: 'Malformed CIDR, mask bits must be an integer' };
  }
  const bits = Number(bitsText);
  if (bits < 0) return { error: 'Malformed CIDR, mask bits must not be negative' };
  if (!looksLikeIp(addr)) return { error: `Nonstandard IP address: ${addr}` };
  const ip = parseIp(addr);
  if (ip === undefined) return { error: `Invalid IP address: ${addr}` };
  if (ip.length === 4 && bits > 31) return { error: 'IPv4 mask bits must be < 32' };
  if (ip.length === 16 && bits > 127) return { error: 'IPv6 mask bits must be < 128' };
  return { range: { low: ip, high: fillHostBits(ip, bits) } };
}

/** The top of the range: the network bytes with every host bit set (Ruler does not clear host bits at the bottom). */
function fillHostBits(ip: IpBytes, maskBits: number): IpBytes {
  return ip.map((byte, i) => {
    const networkBitsInByte = Math.min(8, Math.max(0, maskBits - i * 8));
    return byte | (0xff >> networkBitsInByte);
  });
}
