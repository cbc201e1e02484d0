import { shared } from '@/lib/runtime/bridge';

/**
 * The live_version numbers this process's own commits made, per database handle (keyed by its
 * Kysely adapter, which a handle's transactions share): the SQLite watcher skips them, since the
 * process already announced those changes itself. Shared by every bundle loaded in the process.
 */
export function ownLiveVersions(handle: object): Set<number> {
  const byHandle = shared('ownLiveVersions', () => new WeakMap<object, Set<number>>());
  let versions = byHandle.get(handle);
  if (!versions) byHandle.set(handle, (versions = new Set()));
  return versions;
}
