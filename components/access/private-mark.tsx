import { useTranslations } from 'next-intl';

/** "Private to Globex Logistics": shown on a member's page next to what the public does not see. */
export function PrivateMark({ audiences }: { audiences?: readonly string[] }) {
  const t = useTranslations('access');
  if (!audiences || audiences.length === 0) return null;
  return (
    <span className="ms-2 inline-flex items-center rounded-full border border-violet-300 bg-violet-50 px-2 py-0.5 align-middle text-xs font-medium text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-200" data-private-to={audiences.join(', ')}>
      {t('privateTo', { audiences: audiences.join(', ') })}
    </span>
  );
}
