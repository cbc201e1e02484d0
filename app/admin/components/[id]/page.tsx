import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireOperator } from '@/lib/auth/require-operator';
import { COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { getComponentUpstream, listUpstreamChoices } from '@/lib/services/follow-upstream';
import { followUpstreamAction, unfollowUpstreamAction } from '@/app/admin/actions/upstream';
import { ActionForm } from '@/components/admin/action-form';
import { Checkbox, Field, Select, TextInput } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Component' };

const card = 'rounded-lg border border-neutral-200 p-4 dark:border-neutral-800';

/** Reads the page the operator named, for the picker; an error is shown, not thrown. */
async function choices(source: string | undefined) {
  if (!source) return undefined;
  try {
    return { ok: true as const, ...(await listUpstreamChoices({ ctx: await requestContext(), url: source })) };
  } catch (error) {
    return { ok: false as const, error: (error as Error).message };
  }
}

export default async function AdminComponentPage({ params, searchParams }: PageProps<'/admin/components/[id]'>) {
  await requireOperator('admin');
  const found = await getComponentUpstream({ ctx: await requestContext(), id: (await params).id });
  if (!found) notFound();
  const { component, follow, timeZone } = found;
  const sourceParam = (await searchParams).source;
  const source = typeof sourceParam === 'string' ? sourceParam.slice(0, 2000) : undefined;
  const picked = await choices(source);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          <Link href="/admin/components" className="inline-flex min-h-6 items-center underline underline-offset-2">Components</Link>
        </p>
        <h1 className="text-2xl font-bold">{component.name}</h1>
        <p className="text-sm">{COMPONENT_STATUS_LABEL[component.status]}</p>
      </div>

      <section aria-labelledby="upstream" className={card}>
        <h2 id="upstream" className="mb-1 font-semibold">Follows a third-party page</h2>
        <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
          The component takes its status from a component of another Statuspage-compatible page (its address, or any …/api/v2/summary.json), read by the scheduler. The public page labels it third-party.
        </p>
        {follow ? (
          <div className="space-y-3" data-follow>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">Follows</dt>
              <dd>{follow.upstream_component_name} on <a className="underline underline-offset-2" href={follow.page_url} rel="noopener noreferrer nofollow">{follow.page_name}</a></dd>
              <dt className="font-medium">Document</dt>
              <dd className="break-all">{follow.url}</dd>
              <dt className="font-medium">Subscribers alerted</dt>
              <dd>{follow.notify_subscribers ? 'Yes, of each change' : 'No'}</dd>
              <dt className="font-medium">Last read</dt>
              <dd>{follow.last_success_at ? <LocalTime iso={follow.last_success_at} timeZone={timeZone} /> : 'never'}</dd>
              <dt className="font-medium">Last error</dt>
              <dd data-last-error>{follow.last_error ? <>{follow.last_error}{follow.last_error_at && <> (<LocalTime iso={follow.last_error_at} timeZone={timeZone} />)</>}</> : 'none'}</dd>
              {follow.unknown_since && (
                <>
                  <dt className="font-medium">Public page</dt>
                  <dd>says the status is unknown since <LocalTime iso={follow.unknown_since} timeZone={timeZone} /></dd>
                </>
              )}
            </dl>
            <ActionForm action={unfollowUpstreamAction} submitLabel="Stop following" variant="danger" confirm={`Stop following ${follow.page_name}?`}>
              <input type="hidden" name="id" value={component.id} />
            </ActionForm>
          </div>
        ) : (
          <p className="mb-3 text-sm">Not following a third-party page: its status is set by hand, incidents or the API.</p>
        )}

        <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
          <Field label="Page address" htmlFor="upstream-source">
            <TextInput id="upstream-source" name="source" type="url" defaultValue={source ?? follow?.url ?? ''} placeholder="https://status.example.com" required className="w-96 max-w-full" />
          </Field>
          <button type="submit" className="min-h-10 rounded-md border border-neutral-300 px-3 text-sm font-medium dark:border-neutral-600">Read its components</button>
        </form>
        {picked && !picked.ok && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{picked.error}</p>}
        {picked?.ok && picked.components.length === 0 && <p className="mt-2 text-sm">{picked.page.name} lists no components.</p>}
        {picked?.ok && picked.components.length > 0 && (
          <ActionForm action={followUpstreamAction} submitLabel={`Follow ${picked.page.name}`} className="mt-4 space-y-3">
            <input type="hidden" name="id" value={component.id} />
            <input type="hidden" name="url" value={picked.url} />
            <Field label={`Component of ${picked.page.name}`} htmlFor="upstream-component">
              <Select id="upstream-component" name="upstreamComponentId" defaultValue={follow?.upstream_component_id ?? ''}>
                {picked.components.map((c) => (
                  <option key={c.id} value={c.id}>{c.name} ({COMPONENT_STATUS_LABEL[c.status]})</option>
                ))}
              </Select>
            </Field>
            <Checkbox name="notifySubscribers" label="Alert subscribers when its status changes" defaultChecked={follow?.notify_subscribers ?? false} />
          </ActionForm>
        )}
      </section>
    </div>
  );
}
