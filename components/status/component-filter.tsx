import { useTranslations } from 'next-intl';

/**
 * Filter the history by component. A plain GET form, so it works without JavaScript;
 * the button applies the choice.
 */
export function ComponentFilter({
  components,
  selected,
  action = '/history',
}: {
  components: { id: string; name: string; groupName: string | null }[];
  selected?: string;
  /** The history page in this page's language. */
  action?: string;
}) {
  const t = useTranslations('history');
  const groups = new Map<string, typeof components>();
  for (const c of components) {
    const key = c.groupName ?? t('otherGroup');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return (
    <form method="get" action={action} className="flex items-center gap-2 text-sm">
      <label htmlFor="component-filter" className="text-neutral-700 dark:text-neutral-300">
        {t('component')}
      </label>
      <select
        id="component-filter"
        name="component"
        defaultValue={selected ?? ''}
        className="max-w-[11rem] rounded-md border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900"
      >
        <option value="">{t('allComponents')}</option>
        {[...groups.entries()].map(([group, list]) => (
          <optgroup key={group} label={group}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900"
      >
        {t('filter')}
      </button>
    </form>
  );
}
