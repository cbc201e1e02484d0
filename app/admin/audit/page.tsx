import type { Metadata } from 'next';
import Link from 'next/link';
import { TZDate } from '@date-fns/tz';
import { requireOperator } from '@/lib/auth/require-operator';
import { actionPhrase, auditPlace, shortValue } from '@/lib/domain/audit-links';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
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
const LABELS: Record<string, string> = { entityType: 'Object', entityId: 'Object id', actor: 'Who', from: 'From', before: 'To' };

/** A YYYY-MM-DD day in the page's time zone as the ISO time it starts (`days` later), or a marker for a bad value. */
function dayStart(value: string | undefined, timeZone: string, days = 0): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'not a date';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new TZDate(year, month - 1, day, timeZone);
  if (Number.isNaN(check.getTime()) || check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return 'not a date';
  return new TZDate(year, month - 1, day + days, timeZone).toISOString();
}

/** The filter from the query string; a bad value is left out and named in `problems`. */
function readFilter(q: Record<string, string | string[] | undefined>, timeZone: string) {
  const form = { entity: str(q.entity), id: str(q.id), actor: str(q.actor), from: str(q.from), to: str(q.to) };
  const cursor = str(q.before);
  const to = dayStart(form.to, timeZone, 1);
  const raw = { entityType: form.entity, entityId: form.id, actor: form.actor, from: dayStart(form.from, timeZone), before: cursor ?? to };
  const checked = AuditFilter.safeParse(raw);
  const problems = new Map<string, string>();
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0]);
      const message = key === 'from' || (key === 'before' && !cursor) ? 'must be a date such as 2026-06-01' : issue.message;
      problems.set(key, `${LABELS[key] ?? key} ${message}`);
    }
  }
  const filter = Object.fromEntries(Object.entries(raw).filter(([k]) => !problems.has(k))) as typeof raw;
  return { filter, form, problems: [...problems.values()] };
}

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requireOperator('admin');
  const q = await searchParams;
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  const { filter, form, problems } = readFilter(q, settings.time_zone);
  const { entries, entityTypes, actors } = await listAuditLog({ ctx, filter });
  const older = entries.length === 100 ? entries.at(-1)!.at : undefined;
  const filtered = Object.values(form).some(Boolean);
  const keep = Object.fromEntries(Object.entries(form).filter(([, v]) => v)) as Record<string, string>;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      {problems.length > 0 && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {problems.join('; ')}. That filter is left out.
        </p>
      )}
      <form method="get" className="grid grid-cols-2 gap-3 lg:flex lg:flex-wrap lg:items-end">
        <div className="col-span-2 sm:col-span-1">
          <Field label="Object" htmlFor="entity">
            <Select id="entity" name="entity" defaultValue={form.entity ?? ''}>
              <option value="">Everything</option>
              {entityTypes.map((t) => (
                <option key={t} value={t}>
                  {auditPlace(t, null).label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <Field label="Who" htmlFor="actor">
            <TextInput id="actor" name="actor" list="audit-actors" defaultValue={form.actor ?? ''} placeholder="name or email" />
            <datalist id="audit-actors">
              {actors.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </Field>
        </div>
        <Field label="From" htmlFor="from">
          <TextInput id="from" name="from" type="date" defaultValue={form.from ?? ''} />
        </Field>
        <Field label="To" htmlFor="to">
          <TextInput id="to" name="to" type="date" defaultValue={form.to ?? ''} />
        </Field>
        {form.id && <input type="hidden" name="id" value={form.id} />}
        <div className="col-span-2 flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered && (
            <Link href="/admin/audit" className="inline-flex items-center rounded-md px-3 py-2 text-sm underline">
              Clear
            </Link>
          )}
        </div>
      </form>
      {form.id && (
        <p className="text-sm">
          Showing one object only.{' '}
          <Link className="underline" href={`/admin/audit?${new URLSearchParams(Object.fromEntries(Object.entries(keep).filter(([k]) => k !== 'id')))}`}>
            Show all objects
          </Link>
        </p>
      )}
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-neutral-300 px-4 py-3 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
          No changes recorded{filtered ? ' for this filter' : ' yet'}.
        </p>
      ) : (
        <ol className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {entries.map((e) => {
            const keys = changedKeys(e.before, e.after);
            const place = auditPlace(e.entity_type, e.entity_id);
            const name = e.entityName ?? e.entity_id ?? place.label;
            return (
              <li key={e.id} className="space-y-1 px-4 py-3 text-sm" data-audit={e.action}>
                <p className="flex flex-wrap items-baseline gap-x-1.5">
                  <Link href={`/admin/audit?${new URLSearchParams({ actor: e.actor_name })}`} className="inline-flex min-h-6 items-center font-semibold underline-offset-2 hover:underline" title="Only this person's changes">
                    {e.actor_name.replace(/\s*<.*>$/, '')}
                  </Link>
                  {e.actor_type !== 'operator' && <span className="text-neutral-600 dark:text-neutral-400">({e.actor_type === 'api_key' ? 'API key' : e.actor_type})</span>}
                  <span>{actionPhrase(e.action)}</span>
                  <span className="text-neutral-600 dark:text-neutral-400">{place.label}</span>
                  {place.href ? (
                    <Link href={place.href} className="inline-flex min-h-6 items-center font-medium underline underline-offset-2" data-audit-object>
                      {name}
                    </Link>
                  ) : (
                    <span className="font-medium">{name}</span>
                  )}
                  <span className="text-neutral-600 dark:text-neutral-400">
                    · <LocalTime iso={e.at} timeZone={settings.time_zone} />
                  </span>
                </p>
                {keys.length > 0 && (
                  <p className="text-neutral-600 dark:text-neutral-400">
                    {keys
                      .filter((k) => k !== 'updated_at')
                      .map((k) => {
                        const from = shortValue((e.before as Record<string, unknown>)[k]);
                        const to = shortValue((e.after as Record<string, unknown>)[k]);
                        return from !== undefined && to !== undefined ? `${k.replace(/_/g, ' ')}: ${from} → ${to}` : k.replace(/_/g, ' ');
                      })
                      .join('; ')}
                  </p>
                )}
                <div className="flex flex-wrap gap-x-4">
                  {e.entity_id && !form.id && (
                    <Link href={`/admin/audit?${new URLSearchParams({ entity: e.entity_type, id: e.entity_id })}`} className="inline-flex min-h-6 items-center text-neutral-600 underline dark:text-neutral-400">
                      History of this {place.label}
                    </Link>
                  )}
                  <details>
                    <summary className="min-h-6 cursor-pointer py-0.5 text-neutral-600 dark:text-neutral-400">Before and after</summary>
                    <div className="mt-2 grid gap-2 md:grid-cols-2">
                      <pre className="overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900">{JSON.stringify(e.before, null, 2) ?? 'null'}</pre>
                      <pre className="overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900">{JSON.stringify(e.after, null, 2) ?? 'null'}</pre>
                    </div>
                  </details>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {older && (
        <Link className="text-sm underline" href={`/admin/audit?${new URLSearchParams({ ...keep, before: older })}`}>
          Older entries →
        </Link>
      )}
    </div>
  );
}
