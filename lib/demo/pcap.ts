/**
 * A tiny valid pcap (libpcap classic format, Ethernet link type) built in code for the demo and
 * the tests: GTPv1-U echo requests to a customer's application server that go unanswered, the
 * kind of trace the NOC hands a customer. Opens in Wireshark and tcpdump.
 */

/** One captured UDP datagram: when, from where to where, and its payload. */
export interface UdpPacket {
  at: Date;
  src: [number, number, number, number];
  dst: [number, number, number, number];
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}

/** The IPv4 header checksum: the ones' complement of the ones' complement sum of its 16-bit words. */
function ipv4Checksum(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += (header[i]! << 8) | header[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** Ethernet II + IPv4 + UDP around a payload (UDP checksum 0: none, which IPv4 allows). */
function frame(p: UdpPacket, ipId: number): Uint8Array {
  const udpLength = 8 + p.payload.length;
  const ipLength = 20 + udpLength;
  const out = new Uint8Array(14 + ipLength);
  const view = new DataView(out.buffer);
  out.set([0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01], 0); // locally administered MACs
  view.setUint16(12, 0x0800); // IPv4
  const ip = 14;
  view.setUint8(ip, 0x45);
  view.setUint16(ip + 2, ipLength);
  view.setUint16(ip + 4, ipId);
  view.setUint8(ip + 8, 64); // TTL
  view.setUint8(ip + 9, 17); // UDP
  out.set(p.src, ip + 12);
  out.set(p.dst, ip + 16);
  view.setUint16(ip + 10, ipv4Checksum(out.subarray(ip, ip + 20)));
  const udp = ip + 20;
  view.setUint16(udp, p.srcPort);
  view.setUint16(udp + 2, p.dstPort);
  view.setUint16(udp + 4, udpLength);
  out.set(p.payload, udp + 8);
  return out;
}

/** A pcap file of the packets: the global header, then a record header and a frame per packet. */
export function buildPcap(packets: readonly UdpPacket[]): Uint8Array {
  const frames = packets.map((p, i) => frame(p, 0x1000 + i));
  const out = new Uint8Array(24 + frames.reduce((n, f) => n + 16 + f.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true); // microsecond timestamps, little-endian
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 65535, true); // snaplen
  view.setUint32(20, 1, true); // LINKTYPE_ETHERNET
  let at = 24;
  packets.forEach((p, i) => {
    const f = frames[i]!;
    const ms = p.at.getTime();
    view.setUint32(at, Math.floor(ms / 1000), true);
    view.setUint32(at + 4, (ms % 1000) * 1000, true);
    view.setUint32(at + 8, f.length, true);
    view.setUint32(at + 12, f.length, true);
    out.set(f, at + 16);
    at += 16 + f.length;
  });
  return out;
}

/** A GTPv1-U Echo Request (message type 1) with a sequence number. */
function gtpEcho(sequence: number): Uint8Array {
  return new Uint8Array([0x32, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, (sequence >> 8) & 0xff, sequence & 0xff, 0x00, 0x00]);
}

/** The demo trace: `count` echo requests a second apart from our gateway to a customer's server, none answered. */
export function demoTrace(start: Date, count = 5): Uint8Array {
  return buildPcap(
    Array.from({ length: count }, (_, i) => ({
      at: new Date(start.getTime() + i * 1000),
      src: [10, 20, 0, 1],
      dst: [192, 0, 2, 80],
      srcPort: 2152,
      dstPort: 2152,
      payload: gtpEcho(i + 1),
    })),
  );
}
