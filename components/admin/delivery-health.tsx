import Link from 'next/link';
import { maskedWebhookUrl } from '@/lib/domain/webhook-display';
import { formatDuration } from '@/lib/domain/duration';
import type { Health } from '@/lib/domain/dashboard';
import { LocalTime } from '@/components/ui/local-time';

interface Delivery {
  health: Health;
  backlog: number;
  alertsWaitingExpansion: number;
  oldestPendingSeconds: number | null;
  dead: number;
  smtpConfigured: boolean;
  failingWebhooks: number;
  disabledWebhooks: number;
  webhooks: { id: string; url: string; state: string; since: string | null }[];
}

const HEADLINE: Record<Health, { text: string; style: string }> = {
  ok: { text: 'Alerts are going out', style: 'border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950/40 dark:text-green-100' },
  warning: { text: 'Alerts go out, with warnings', style: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100' },
  problem: { text: 'Alerts are stuck or failing', style: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100' },
};

/** The outbox at a glance: backlog, oldest waiting alert, given-up deliveries, webhooks in trouble, mail. */
export function DeliveryHealth({ delivery: d, timeZone }: { delivery: Delivery; timeZone: string }) {
  const headline = HEADLINE[d.health];
  const row = 'flex items-baseline justify-between gap-3 px-4 py-2';
  return (
    <div className={`overflow-hidden rounded-lg border ${headline.style}`} data-health={d.health}>
      <p className="px-4 pt-3 pb-2 font-semibold">{headline.text}</p>
      <dl className="divide-y divide-black/10 bg-white text-sm text-neutral-900 dark:divide-white/10 dark:bg-neutral-950 dark:text-neutral-100">
        <div className={row}>
          <dt>Outbox backlog</dt>
          <dd className="font-medium tabular-nums" data-figure="backlog">
            {d.backlog.toLocaleString('en')}
            {d.alertsWaitingExpansion > 0 && ` + ${d.alertsWaitingExpansion} alerts being expanded`}
          </dd>
        </div>
        <div className={row}>
          <dt>Oldest pending alert</dt>
          <dd className="font-medium" data-figure="oldest">{d.oldestPendingSeconds === null ? 'none waiting' : `${formatDuration(d.oldestPendingSeconds * 1000)} old`}</dd>
        </div>
        <div className={row}>
          <dt>Given up (dead)</dt>
          <dd className="font-medium tabular-nums">
            {d.dead > 0 ? (
              <Link href="/admin/deliveries?state=dead" className="underline">
                {d.dead.toLocaleString('en')} to retry
              </Link>
            ) : (
              '0'
            )}
          </dd>
        </div>
        <div className={row}>
          <dt>Webhooks failing · disabled</dt>
          <dd className="font-medium tabular-nums" data-figure="webhooks">
            {d.failingWebhooks} · {d.disabledWebhooks}
          </dd>
        </div>
        <div className={row}>
          <dt>Email</dt>
          <dd className="font-medium">{d.smtpConfigured ? 'sent over SMTP' : 'dev mailbox only (no SMTP_URL)'}</dd>
        </div>
      </dl>
      {d.webhooks.length > 0 && (
        <ul className="space-y-1 rounded-b-lg border-t border-black/10 bg-white px-4 py-3 text-sm text-neutral-900 dark:border-white/10 dark:bg-neutral-950 dark:text-neutral-100">
          {d.webhooks.map((w) => (
            <li key={w.id} className="break-all">
              <span className="font-medium">{w.state === 'disabled' ? 'Disabled' : 'Failing'}</span> {maskedWebhookUrl(w.url)}
              {w.since && (
                <span className="text-neutral-600 dark:text-neutral-400">
                  {' '}
                  since <LocalTime iso={w.since} timeZone={timeZone} />
                </span>
              )}
            </li>
          ))}
          <li>
            <Link href="/admin/subscribers" className="underline">
              Manage webhook subscribers
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
