import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * The internal header server.ts sets on every request: the client's address as resolved from
 * the socket and BEACON_TRUSTED_PROXIES. Any copy a client sends is dropped first.
 */
export const CLIENT_ADDRESS_HEADER = 'x-beacon-client-address';

/** Said when no address could be worked out (a request that did not come through server.ts). */
export const UNKNOWN_ADDRESS = 'unknown';

export type TrustProxy = (address: string, hop: number) => boolean;

/** The entries of a BEACON_TRUSTED_PROXIES value (comma-separated addresses, CIDRs or proxy-addr names). */
function entries(setting: string | undefined): string[] {
  return (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Compiles BEACON_TRUSTED_PROXIES; empty trusts no proxy. Throws on an entry proxy-addr does not know. */
export function compileTrust(setting: string | undefined): TrustProxy {
  return proxyaddr.compile(entries(setting));
}

/** Whether a BEACON_TRUSTED_PROXIES value compiles. */
export function isValidTrustSetting(setting: string | undefined): boolean {
  try {
    compileTrust(setting);
    return true;
  } catch {
    return false;
  }
}

/** An address in its plain form (IPv4-mapped IPv6 as IPv4), or undefined when it is not one. */
function normalise(address: string | undefined): string | undefined {
  if (!address || address.length > 64 || !ipaddr.isValid(address)) return undefined;
  return ipaddr.process(address).toString();
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the nearest
 * X-Forwarded-For entry that is not one. With no trusted proxies X-Forwarded-For is ignored.
 */
export function resolveClientAddress(req: IncomingMessage, trust: TrustProxy): string {
  // Without X-Forwarded-For the answer is the peer's address whatever the trust: worked out once
  // per connection, not on each of its keep-alive requests.
  const direct = req.headers['x-forwarded-for'] === undefined && req.socket ? peerAddress.get(req.socket) : undefined;
  if (direct !== undefined) return direct;
  const resolved = resolveUncached(req, trust);
  if (req.headers['x-forwarded-for'] === undefined && req.socket) peerAddress.set(req.socket, resolved);
  return resolved;
}

const peerAddress = new WeakMap<object, string>();

function resolveUncached(req: IncomingMessage, trust: TrustProxy): string {
  const socket = normalise(req.socket?.remoteAddress);
  if (!socket) return UNKNOWN_ADDRESS;
  let resolved: string | undefined;
  try {
    resolved = normalise(proxyaddr(req, trust));
  } catch {
    resolved = undefined;
  }
  return resolved ?? socket;
}

/** Replaces any incoming copy of the internal header with the resolved address (server.ts, once per request). */
export function stampClientAddress(req: IncomingMessage, trust: TrustProxy): void {
  if (req.headers[CLIENT_ADDRESS_HEADER] !== undefined) {
    const raw = req.rawHeaders;
    const kept: string[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (raw[i]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) kept.push(raw[i]!, raw[i + 1]!);
    }
    raw.splice(0, raw.length, ...kept);
  }
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req, trust);
}

/** The client address server.ts resolved, for route handlers and server actions. */
export function clientAddressOf(headers: { get(name: string): string | null }): string {
  return normalise(headers.get(CLIENT_ADDRESS_HEADER) ?? undefined) ?? UNKNOWN_ADDRESS;
}
