import type { Metadata } from 'next';
import Link from 'next/link';
import { publicUrl } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { PageHeader } from '@/components/status/page-header';
import { ApiEndpoint } from '@/components/api-docs/api-endpoint';
import { API_ENDPOINTS } from '@/components/api-docs/endpoints';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Status API',
  description: 'The public status API: Statuspage-compatible JSON, feeds and badges',
};

/** Human documentation of the public API, as Statuspage pages have at /api. */
export default async function ApiPage() {
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  const base = publicUrl();
  return (
    <>
      <PageHeader page={{ id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone }} />
      <h1 className="text-2xl font-bold">Status API</h1>
      <div className="mt-3 space-y-3 text-neutral-700 dark:text-neutral-300">
        <p>
          Read this page&apos;s status from your own code. The API speaks the <strong>Statuspage v2</strong> format,
          so widgets, aggregators and client libraries written for Statuspage work unchanged: point them at{' '}
          <code className="rounded bg-neutral-100 px-1 break-all dark:bg-neutral-800">{base}</code>.
        </p>
        <p>
          Every endpoint answers an unauthenticated <code>GET</code> with JSON, allows any origin (CORS{' '}
          <code>*</code>), carries a strong <code>ETag</code> (send it back as <code>If-None-Match</code> for a{' '}
          <code>304</code>) and may be cached for a few seconds. Times are ISO 8601 in UTC; ids are 12 lowercase
          letters and digits. The page id is <code className="font-mono">{settings.id}</code>.
        </p>
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold">Endpoints</h2>
      <div className="space-y-4">
        {API_ENDPOINTS.map((e) => (
          <ApiEndpoint key={e.path} endpoint={e} base={base} />
        ))}
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold">Example</h2>
      {/* Focusable and named: on a phone it scrolls, and keyboard users must be able to scroll it too. */}
      <pre tabIndex={0} aria-label="Example: reading the status from JavaScript" className="overflow-x-auto rounded-lg bg-neutral-900 p-4 text-sm text-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-neutral-900 dark:focus-visible:outline-neutral-100">
        <code>{`const res = await fetch('${base}/api/v2/status.json');
const { status } = await res.json();
console.log(status.indicator, status.description); // "none" "All Systems Operational"`}</code>
      </pre>

      <h2 className="mt-8 mb-3 text-lg font-semibold">Feeds, calendar and badges</h2>
      <ul className="list-disc space-y-1 ps-6 text-neutral-700 dark:text-neutral-300">
        <li><Link className="underline" href="/history.rss">/history.rss</Link> (RSS 2.0) and <Link className="underline" href="/history.atom">/history.atom</Link> (Atom 1.0): incidents and maintenance with every update.</li>
        <li><Link className="underline" href="/maintenance.ics">/maintenance.ics</Link>: maintenance windows; subscribe to it from any calendar app.</li>
        <li><Link className="underline" href="/badge.svg">/badge.svg</Link> for the whole page, <code>/badge.svg?component=&lt;id&gt;</code> for one component (ids are in <code>components.json</code>).</li>
        <li><code>/api/live</code>: a server-sent events stream with one <code>change</code> event per change and a heartbeat every 15 seconds.</li>
      </ul>

      <h2 className="mt-8 mb-3 text-lg font-semibold">Differences from Statuspage</h2>
      <ul className="list-disc space-y-1 ps-6 text-neutral-700 dark:text-neutral-300">
        <li>A cancelled maintenance is reported with status <code>completed</code> (Statuspage has no cancelled state); the calendar marks it cancelled.</li>
        <li><code>custom_tweet</code> and <code>tweet_id</code> are always <code>null</code>.</li>
        <li>The <code>shortlink</code> of an incident is its page on this site.</li>
      </ul>
    </>
  );
}
