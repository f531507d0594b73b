import { isIP } from 'node:net';

/**
 * Where webhooks may not go. Events carry residents' data and the sender sits inside a VPC (or, locally, beside
 * DynamoDB Local and the Lambda Runtime API's port), so a receiver must be a public unicast address: every
 * special-purpose block of the IANA registries is refused, and addresses that embed an IPv4 address (IPv4-mapped,
 * NAT64, 6to4) are judged by the address they embed, since that is where the packets end up.
 */

/** A reason in both languages: people read it in theirs (a refused registration), operators in logs (`en`). */
export interface AddressReason {
  zh: string;
  en: string;
}

const NOT_AN_IP: AddressReason = { zh: '不是 IP 地址', en: 'not an IP address' };

/** Why `ip` is not a public unicast address, or undefined when it is one. Anything not an IP address is refused. */
export function nonPublicReason(ip: string): AddressReason | undefined {
  const version = isIP(ip);
  if (version === 4) return v4Reason(v4Number(ip)!);
  if (version === 6) {
    const h = v6Hextets(ip);
    return h ? v6Reason(h) : NOT_AN_IP;
  }
  return NOT_AN_IP;
}

/** Loopback (127.0.0.0/8, ::1, and IPv4-mapped loopback): what the local stack's test receivers listen on. */
export function isLoopback(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) return v4Number(ip)! >>> 24 === 127;
  const h = version === 6 ? v6Hextets(ip) : undefined;
  if (!h) return false;
  if (h.slice(0, 7).every((x) => x === 0) && h[7] === 1) return true;
  return isMapped(h) && h[6]! >>> 8 === 127;
}

/** A special-purpose block: what it is, in both languages, with its prefix (the same in both). */
const block = (zh: string, en: string, prefix: string): AddressReason => ({ zh: `${zh}（${prefix}）`, en: `${en} (${prefix})` });

const V4_BLOCKS: [string, number, AddressReason][] = [
  ['0.0.0.0', 8, block('“本网络”地址', '"this network"', '0.0.0.0/8')],
  ['10.0.0.0', 8, block('私有地址', 'private', '10.0.0.0/8')],
  ['100.64.0.0', 10, block('运营商共享地址', 'shared address space', '100.64.0.0/10')],
  ['127.0.0.0', 8, block('本机回环地址', 'loopback', '127.0.0.0/8')],
  ['169.254.0.0', 16, block('链路本地地址（云主机元数据所在）', 'link-local, where instance metadata lives', '169.254.0.0/16')],
  ['172.16.0.0', 12, block('私有地址', 'private', '172.16.0.0/12')],
  ['192.0.0.0', 24, block('IETF 协议保留地址', 'IETF protocol assignments', '192.0.0.0/24')],
  ['192.0.2.0', 24, block('文档示例地址', 'documentation', '192.0.2.0/24')],
  ['192.88.99.0', 24, block('6to4 中继任播地址', '6to4 relay anycast', '192.88.99.0/24')],
  ['192.168.0.0', 16, block('私有地址', 'private', '192.168.0.0/16')],
  ['198.18.0.0', 15, block('基准测试地址', 'benchmarking', '198.18.0.0/15')],
  ['198.51.100.0', 24, block('文档示例地址', 'documentation', '198.51.100.0/24')],
  ['203.0.113.0', 24, block('文档示例地址', 'documentation', '203.0.113.0/24')],
  ['224.0.0.0', 4, block('组播地址', 'multicast', '224.0.0.0/4')],
  ['240.0.0.0', 4, block('保留或广播地址', 'reserved or broadcast', '240.0.0.0/4')],
];

function v4Reason(n: number): AddressReason | undefined {
  for (const [base, bits, reason] of V4_BLOCKS) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === v4Number(base)) return reason;
  }
  return undefined;
}

/** An address that embeds an IPv4 one, judged by the address inside. */
const embedding = (zh: string, en: (inner: string) => string, inner: AddressReason | undefined): AddressReason | undefined =>
  inner && { zh: `${zh}，内嵌${inner.zh}`, en: en(inner.en) };

function v6Reason(h: number[]): AddressReason | undefined {
  const embedded = (hi: number, lo: number) => ((hi << 16) | lo) >>> 0;
  const zeroUpTo = (n: number) => h.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return block('未指定地址', 'unspecified', '::');
  if (zeroUpTo(7) && h[7] === 1) return block('本机回环地址', 'loopback', '::1');
  if (isMapped(h)) {
    return embedding('IPv4 映射地址', (inner) => `IPv4-mapped ${inner}`, v4Reason(embedded(h[6]!, h[7]!)));
  }
  if (zeroUpTo(6)) return block('已废弃的 IPv4 兼容地址', 'IPv4-compatible, deprecated', '::/96');
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) {
    return embedding('NAT64 地址（64:ff9b::/96）', (inner) => `NAT64 (64:ff9b::/96) of ${inner}`, v4Reason(embedded(h[6]!, h[7]!)));
  }
  if (h[0] === 0x64 && h[1] === 0xff9b && h[2] === 1) return block('本地 NAT64 地址', 'local-use NAT64', '64:ff9b:1::/48');
  if (h[0] === 0x2002) {
    return embedding('6to4 地址（2002::/16）', (inner) => `6to4 (2002::/16) of ${inner}`, v4Reason(embedded(h[1]!, h[2]!)));
  }
  if (h[0] === 0x2001 && h[1] === 0xdb8) return block('文档示例地址', 'documentation', '2001:db8::/32');
  if (h[0] === 0x2001 && h[1]! < 0x200)
    return block('IETF 协议保留地址（含 Teredo）', 'IETF protocol assignments, Teredo among them', '2001::/23');
  if (h[0] === 0x3fff && h[1]! >>> 12 === 0) return block('文档示例地址', 'documentation', '3fff::/20');
  if ((h[0]! & 0xfe00) === 0xfc00) return block('唯一本地地址', 'unique local', 'fc00::/7');
  if ((h[0]! & 0xffc0) === 0xfe80) return block('链路本地地址', 'link-local', 'fe80::/10');
  if ((h[0]! & 0xffc0) === 0xfec0) return block('已废弃的站点本地地址', 'site-local, deprecated', 'fec0::/10');
  if (h[0]! >>> 8 === 0xff) return block('组播地址', 'multicast', 'ff00::/8');
  // Global unicast is 2000::/3; everything else is unassigned or special (100::/64 discard, …).
  if (h[0]! >>> 13 !== 1) return block('不是全球单播地址', 'not global unicast, outside', '2000::/3');
  return undefined;
}

const isMapped = (h: number[]) => h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff;

function v4Number(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** The eight 16-bit groups of an IPv6 address (`::`, a trailing dotted quad and a zone id allowed). */
function v6Hextets(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = v4Number(last);
    if (v4 === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...tail].some(Number.isNaN)) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const fill = 8 - head.length - tail.length;
  return fill < 1 ? undefined : [...head, ...new Array<number>(fill).fill(0), ...tail];
}
