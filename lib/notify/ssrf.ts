import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { isPublicAddress } from '@/lib/domain/blocked-addresses';
import { getEnv } from '@/lib/env';

/** What every refusal says: never the resolved address nor the resolver's error (no DNS oracle). */
export const BLOCKED_TARGET_MESSAGE = 'must be a public http(s) address';

/** A webhook target refused because it points inside the network or does not resolve. */
export class BlockedTargetError extends Error {
  constructor() {
    super(BLOCKED_TARGET_MESSAGE);
    this.name = 'BlockedTargetError';
  }
}

/** Whether private targets are allowed (development and tests only). */
export function privateTargetsAllowed(): boolean {
  return getEnv().BEACON_ALLOW_PRIVATE_WEBHOOKS;
}

/** Resolves a host and refuses it unless every address it resolves to is public. */
export async function assertPublicHost(host: string): Promise<void> {
  if (privateTargetsAllowed()) return;
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare)
    ? [{ address: bare, family: isIP(bare) }]
    : await new Promise<LookupAddress[]>((resolve, reject) =>
        dnsLookup(bare, { all: true, verbatim: true }, (err, list) => (err ? reject(new BlockedTargetError()) : resolve(list))),
      );
  if (addresses.length === 0) throw new BlockedTargetError();
  for (const a of addresses) if (!isPublicAddress(a.address)) throw new BlockedTargetError();
}

/**
 * A `lookup` for http.request that refuses private addresses at connect time, so a host
 * that resolves differently after the check (DNS rebinding) is still refused.
 */
export const guardedLookup: typeof dnsLookup = ((
  hostname: string,
  options: object,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => {
  dnsLookup(hostname, { ...options, all: true }, (err, list) => {
    if (err) return callback(err, '', 0);
    const addresses = list as LookupAddress[];
    const bad = privateTargetsAllowed() ? undefined : addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new BlockedTargetError(), '', 0);
    if ((options as { all?: boolean }).all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`${hostname} does not resolve`), '', 0);
    callback(null, first.address, first.family);
  });
}) as typeof dnsLookup;
