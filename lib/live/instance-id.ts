import { randomBytes } from 'node:crypto';

const holder = globalThis as typeof globalThis & { __beaconInstanceId?: string };

/** This process's id, shared by every bundle loaded in it; tells its own NOTIFYs from others'. */
export function instanceId(): string {
  holder.__beaconInstanceId ??= `${process.pid}-${randomBytes(4).toString('hex')}`;
  return holder.__beaconInstanceId;
}
