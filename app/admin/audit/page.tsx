import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/services/page-settings';
import { AuditFilter, listAuditLog } from '@/lib/services/list-audit-log';
import { Button, Field, Select, TextInput } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Audit log' };

const str = (v: string | string[] | undefined) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

/** Values shown compactly: only the keys that changed between before and after. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** The filter fields as the form labels them, for messages about a bad value. */
const LABELS: Record<string, string> = { entityType: 'What', actor: 'Who', before: 'Older than (before)' };

/** The filter from the query string; a bad value is left out and named in `problems`. */
function readFilter(q: Record<string, string | string[] | undefined>) {
  const raw = { entityType: str(q.entity), actor: str(q.actor), before: str(q.before) };
  const checked = AuditFilter.safeParse(raw);
  if (checked.success) return { filter: raw, problems: [] };
  const problems = new Map<string, string>();
  for (const issue of checked.error.issues) problems.set(String(issue.path[0]), `${LABELS[String(issue.path[0])] ?? String(issue.path[0])} ${issue.message}`);
  const filter = Object.fromEntries(Object.entries(raw).filter(([k]) => !problems.has(k))) as typeof raw;
  return { filter, problems: [...problems.values()] };
}

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requireOperator('admin');
  const q = await searchParams;
  const ctx = await requestContext();
  const { filter, problems } = readFilter(q);
  const [{ entries, entityTypes }, settings] = await Promise.all([listAuditLog({ ctx, filter }), getPageSettings(ctx.db, ctx.now())]);
  const older = entries.length === 100 ? entries.at(-1)!.at : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      {problems.length > 0 && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {problems.join('; ')}. That filter is left out.
        </p>
      )}
      <form method="get" className="flex flex-wrap items-end gap-3">
        <Field label="What" htmlFor="entity">
          <Select id="entity" name="entity" defaultValue={filter.entityType ?? ''}>
            <option value="">Everything</option>
            {entityTypes.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </Select>
        </Field>
        <Field label="Who" htmlFor="actor">
          <TextInput id="actor" name="actor" defaultValue={filter.actor ?? ''} placeholder="name or email" />
        </Field>
        <Button type="submit" variant="secondary">Filter</Button>
      </form>
      {entries.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No changes recorded{filter.entityType || filter.actor ? ' for this filter' : ' yet'}.</p>
      ) : (
        <ol className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {entries.map((e) => {
            const keys = changedKeys(e.before, e.after);
            return (
              <li key={e.id} className="space-y-1 px-4 py-3 text-sm" data-audit={e.action}>
                <p>
                  <strong>{e.actor_name}</strong> <span className="text-neutral-600 dark:text-neutral-400">({e.actor_type})</span> ·{' '}
                  <code>{e.action}</code> {e.entity_type} <code>{e.entity_id}</code> ·{' '}
                  <LocalTime iso={e.at} timeZone={settings.time_zone} />
                </p>
                {keys.length > 0 && <p className="text-neutral-600 dark:text-neutral-400">Changed: {keys.join(', ')}</p>}
                <details>
                  <summary className="cursor-pointer text-neutral-600 dark:text-neutral-400">Before and after</summary>
                  <div className="mt-2 grid gap-2 md:grid-cols-2">
                    <pre className="overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900">{JSON.stringify(e.before, null, 2) ?? 'null'}</pre>
                    <pre className="overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900">{JSON.stringify(e.after, null, 2) ?? 'null'}</pre>
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      )}
      {older && (
        <Link
          className="text-sm underline"
          href={`/admin/audit?${new URLSearchParams({ ...(filter.entityType && { entity: filter.entityType }), ...(filter.actor && { actor: filter.actor }), before: older })}`}
        >
          Older entries →
        </Link>
      )}
    </div>
  );
}
