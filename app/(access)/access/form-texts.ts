import type { getTranslations } from 'next-intl/server';
import type { ActionFormTexts } from '@/components/admin/action-form';

/** The access catalog's translator (messages/<locale>/access.json), in the page's language. */
export type AccessTranslator = Awaited<ReturnType<typeof getTranslations<'access'>>>;

/** The words an action form says on its own (a refusal summary, copy buttons), in the page's language. */
export function formTexts(t: AccessTranslator): ActionFormTexts {
  return { correctFields: t('form.correctFields'), copy: t('form.copy'), copied: t('form.copied') };
}
