import { useLocale, useTranslations } from 'next-intl';
import type { IncidentFileRecord } from '@/lib/db/queries/incident-files';
import { formatBytesIn } from '@/lib/domain/file-types';
import { FILE_LINK_TTL_MS } from '@/lib/domain/file-links';
import { PrivateMark } from '@/components/access/private-mark';
import { LocalTime } from '@/components/ui/local-time';

/**
 * The files of an incident a signed-in member may download, each with its signed link (made for
 * this member, this render). Never rendered for the public: the snapshot has no member.
 */
export function IncidentFiles({ files, links, timeZone }: { files: readonly IncidentFileRecord[]; links: ReadonlyMap<string, string>; timeZone: string }) {
  const t = useTranslations('access');
  const locale = useLocale();
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="incident-files" className="mt-8 rounded-lg border border-violet-200 p-4 dark:border-violet-800" data-section="files">
      <h2 id="incident-files" className="text-lg font-semibold">
        {t('files.title')}
      </h2>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{t('files.intro', { minutes: FILE_LINK_TTL_MS / 60_000 })}</p>
      <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
        {files.map((f) => (
          <li key={f.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2" data-file={f.name}>
            <p className="min-w-0 break-all">
              <a href={links.get(f.id)} className="font-medium underline underline-offset-2">
                {f.name}
              </a>
              <PrivateMark audiences={f.audiences.map((a) => a.name)} />
            </p>
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              {t(`fileKind.${f.kind}`)} · {formatBytesIn(f.size, locale)} · {t.rich('files.uploaded', { time: () => <LocalTime iso={f.createdAt} timeZone={timeZone} /> })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
