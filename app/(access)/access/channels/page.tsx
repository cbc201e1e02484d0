import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentMemberViewer } from '@/lib/auth/member-session';
import { publicUrl } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { getMemberChannels, memberChannelUrls } from '@/lib/services/get-member-channels';
import { rotateChannelTokenAction } from '@/app/(access)/access/actions';
import { ActionForm } from '@/components/admin/action-form';

export const metadata: Metadata = { title: 'Your feeds and API', robots: { index: false } };
export const dynamic = 'force-dynamic';

const code = 'rounded bg-neutral-100 px-1 py-0.5 font-mono text-xs [overflow-wrap:anywhere] dark:bg-neutral-800';

const FEEDS = [
  ['history.rss', 'History (RSS)'],
  ['history.atom', 'History (Atom)'],
  ['maintenance.ics', 'Maintenance calendar (ICS)'],
] as const;

/** A signed-in member's own channels: their v2 API token and feed URLs, and a way to rotate them. */
export default async function MemberChannelsPage() {
  const viewer = await currentMemberViewer();
  if (!viewer) redirect('/access/sign-in');
  const channels = await getMemberChannels((await requestContext()).db, viewer.memberId);
  const urls = memberChannelUrls(publicUrl(), '<token>');
  const since = channels.tokenCreatedAt
    ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(channels.tokenCreatedAt))
    : null;
  return (
    <>
      <h1 className="text-2xl font-bold">Your feeds and API</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
        As {viewer.email}: the status page&apos;s API and feeds with everything {viewer.audiences.map((a) => a.name).join(', ')} may see, including private components, incidents and
        postmortems. Keep the token secret: anyone who has it reads what you read.
      </p>

      <section aria-labelledby="token" className="mt-6 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="token" className="text-lg font-semibold">
          Token
        </h2>
        <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300" data-token-state={since ? 'active' : 'none'}>
          {since ? `You have a token, made ${since} UTC. It was shown once; make a new one if you lost it.` : 'You have no token yet.'}
        </p>
        <ActionForm
          action={rotateChannelTokenAction}
          submitLabel={since ? 'Rotate token' : 'Create token'}
          pendingLabel="Making a token…"
          variant={since ? 'secondary' : 'primary'}
          className="mt-3 space-y-3"
          confirm={since ? 'Your current token and feed URLs stop working at once. Make a new token?' : undefined}
        />
      </section>

      <section aria-labelledby="api" className="mt-6 text-sm">
        <h2 id="api" className="text-lg font-semibold">
          API
        </h2>
        <p className="mt-1 text-neutral-700 dark:text-neutral-300">
          The public v2 API&apos;s documents, with your private data, under <code className={code}>{urls.api}</code>. Send <code className={code}>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {channels.apiPaths.map((p) => (
            <li key={p}>
              <code className={code}>{p}</code>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="feeds" className="mt-6 text-sm">
        <h2 id="feeds" className="text-lg font-semibold">
          Feeds
        </h2>
        <p className="mt-1 text-neutral-700 dark:text-neutral-300">For a feed reader or calendar; the token is part of the address.</p>
        <dl className="mt-2 space-y-2">
          {FEEDS.map(([file, label]) => (
            <div key={file}>
              <dt className="font-medium">{label}</dt>
              <dd>
                <code className={code}>{urls.feeds[file]}</code>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
