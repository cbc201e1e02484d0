import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// Separate lists: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const blocked4 = new BlockList();
const blocked6 = new BlockList();
// IPv4: this network, private, CGNAT, loopback, link-local (incl. cloud metadata), IETF, test nets,
// benchmarking, multicast, reserved and broadcast.
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked4.addSubnet(net, prefix, 'ipv4');
}
// IPv6: unspecified, loopback, IPv4-mapped/-translated, discard, documentation, unique local,
// link-local, site-local, multicast, 6to4 and Teredo (which can tunnel to private IPv4).
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked6.addSubnet(net, prefix, 'ipv6');
}

/**
 * The IPv4 addresses an IPv6 address carries: IPv4-compatible `::a.b.c.d`, mapped
 * `::ffff:a.b.c.d`, translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`
 * and Teredo `2001::/32` (server and obfuscated client). Each must be public too.
 */
export function embeddedIPv4(address: string): string[] {
  const parts = ipaddr.IPv6.parse(address).parts;
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  const zero = (from: number, to: number) => parts.slice(from, to).every((p) => p === 0);
  if (zero(0, 6)) return [v4(parts[6]!, parts[7]!)];
  if (zero(0, 5) && parts[5] === 0xffff) return [v4(parts[6]!, parts[7]!)];
  if (zero(0, 4) && parts[4] === 0xffff && parts[5] === 0) return [v4(parts[6]!, parts[7]!)];
  if (parts[0] === 0x64 && parts[1] === 0xff9b && zero(2, 6)) return [v4(parts[6]!, parts[7]!)];
  if (parts[0] === 0x2002) return [v4(parts[1]!, parts[2]!)];
  if (parts[0] === 0x2001 && parts[1] === 0) return [v4(parts[2]!, parts[3]!), v4(parts[6]! ^ 0xffff, parts[7]! ^ 0xffff)];
  return [];
}

/** Whether a webhook may be sent to this IP address: only public unicast addresses are allowed. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !blocked4.check(address, 'ipv4');
  if (!ipaddr.IPv6.isValid(address)) return false;
  const embedded = embeddedIPv4(address);
  // `::` and `::1` read as 0.0.0.0 and 0.0.0.1, both in 0.0.0.0/8.
  if (embedded.length > 0) return embedded.every((a) => !blocked4.check(a, 'ipv4'));
  return !blocked6.check(address, 'ipv6');
}
