import { randomBytes } from 'node:crypto';
import { shared } from '@/lib/runtime/bridge';

/** This process's id, shared by every bundle loaded in it; tells its own NOTIFYs from others'. */
export function instanceId(): string {
  return shared('instanceId', () => `${process.pid}-${randomBytes(4).toString('hex')}`);
}
