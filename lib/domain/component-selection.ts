/**
 * The components an update changes, from a form's own per-component choices and a selection
 * given one status at once (the picker's "set status for the selected"): each component once,
 * its own choice winning over the selection's.
 */
export function withSelection<S extends string>(
  own: readonly { id: string; status: S }[],
  selected: readonly string[],
  selectionStatus: S | undefined,
): { id: string; status: S }[] {
  if (!selectionStatus) return [...own];
  const named = new Set(own.map((c) => c.id));
  return [...own, ...[...new Set(selected)].filter((id) => !named.has(id)).map((id) => ({ id, status: selectionStatus }))];
}
