import { useTranslations } from 'next-intl';
import { FIELD_ERROR } from '@/components/subscriptions/styles';

export interface ComponentChoices {
  groups: { id: string; name: string; components: { id: string; name: string }[] }[];
  ungrouped: { id: string; name: string }[];
}

/**
 * "All components" (which also covers components added later) or a chosen set, as grouped
 * checkboxes. Posts `components` (all | some) and `component_ids[]`. No state of its own: the
 * list shows through CSS when "some" is checked, so it works without JavaScript and survives
 * a refused submission.
 */
export function ComponentPicker({ choices, all, ids, error }: { choices: ComponentChoices; all: boolean; ids: string[]; error?: string }) {
  const t = useTranslations('subscribe');
  const chosen = new Set(ids);
  const box = (c: { id: string; name: string }) => (
    <label key={c.id} className="flex items-center gap-2 py-0.5 text-sm">
      <input type="checkbox" name="component_ids[]" value={c.id} defaultChecked={chosen.has(c.id)} className="h-4 w-4" />
      {c.name}
    </label>
  );
  return (
    <fieldset className="group/picker" aria-describedby={error ? 'components-error' : undefined}>
      <legend className="text-sm font-semibold">{t('form.components')}</legend>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="radio" name="components" value="all" defaultChecked={all} className="h-4 w-4" />
        {t('form.allComponents')}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="components" value="some" defaultChecked={!all} className="h-4 w-4" />
        {t('form.someComponents')}
      </label>
      {error && (
        <p id="components-error" className={FIELD_ERROR}>
          {t('form.components')}: {error}
        </p>
      )}
      <div className="mt-3 hidden gap-4 group-has-[input[value=some]:checked]/picker:grid sm:grid-cols-2">
        {choices.groups.map((g) => (
          <fieldset key={g.id}>
            <legend className="text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">{g.name}</legend>
            {g.components.map(box)}
          </fieldset>
        ))}
        {choices.ungrouped.length > 0 && (
          <fieldset>
            <legend className="text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">{t('form.other')}</legend>
            {choices.ungrouped.map(box)}
          </fieldset>
        )}
      </div>
    </fieldset>
  );
}

/** Every update or only start and resolution, and maintenance yes or no. */
export function EventChoices({ events, maintenance }: { events: 'all' | 'start_and_resolution'; maintenance: boolean }) {
  const t = useTranslations('subscribe');
  return (
    <fieldset>
      <legend className="text-sm font-semibold">{t('form.whatToBeTold')}</legend>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="radio" name="events" value="all" defaultChecked={events === 'all'} className="h-4 w-4" />
        {t('form.everyUpdate')}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="events" value="start_and_resolution" defaultChecked={events === 'start_and_resolution'} className="h-4 w-4" />
        {t('form.startAndResolution')}
      </label>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="maintenance" defaultChecked={maintenance} className="h-4 w-4" />
        {t('form.maintenance')}
      </label>
    </fieldset>
  );
}
