import { getRequestConfig } from 'next-intl/server';
import { publicMessages } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/page-locale';

/** next-intl's per-request configuration (next.config.js points its plugin here). */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await publicMessages(locale), timeZone: 'UTC' };
});
