const holder = globalThis as typeof globalThis & { __beaconOwnLiveVersions?: WeakMap<object, Set<number>> };

/**
 * The live_version numbers this process's own commits made, per database handle (keyed by its
 * Kysely adapter, which a handle's transactions share): the SQLite watcher skips them, since the
 * process already announced those changes itself. Shared by every bundle loaded in the process.
 */
export function ownLiveVersions(handle: object): Set<number> {
  holder.__beaconOwnLiveVersions ??= new WeakMap();
  let versions = holder.__beaconOwnLiveVersions.get(handle);
  if (!versions) holder.__beaconOwnLiveVersions.set(handle, (versions = new Set()));
  return versions;
}
