import { z } from 'zod';
import { forUpdate } from '@/lib/db/row-lock';
import { readPageSettings } from '@/lib/db/queries/page-settings';
import type { PageSettings } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { parseInput } from '@/lib/services/errors';
import { Name } from '@/lib/services/schemas';
import { LOCALES } from '@/lib/i18n/locales';

export const UpdatePageSettingsInput = z.object({
  name: Name.optional(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).nullish(),
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Berlin')
    .optional(),
  locale: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }).optional(),
  logoUrl: z.string().trim().max(2000).regex(/^(https?:\/\/|\/)/, 'must be an http(s) URL or a path').nullish(),
});
export type UpdatePageSettingsInput = z.input<typeof UpdatePageSettingsInput>;

/** Changes the page's name, canonical URL, time zone, default language or logo. */
export async function updatePageSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdatePageSettingsInput;
}): Promise<PageSettings> {
  authorize(ctx, 'settings.update');
  const data = parseInput(UpdatePageSettingsInput, input);
  return withTransaction(ctx.db, async (trx) => {
    // Locked until commit: two saves at once apply one after the other, neither losing the other's fields.
    const current = await readPageSettings(forUpdate(trx, trx.selectFrom('page_settings').selectAll()));
    const next: PageSettings = {
      ...current,
      name: data.name ?? current.name,
      url: data.url === undefined ? current.url : data.url,
      time_zone: data.timeZone ?? current.time_zone,
      locale: data.locale ?? current.locale,
      logo_url: data.logoUrl === undefined ? current.logo_url : data.logoUrl,
      updated_at: ctx.now().toISOString(),
    };
    await trx.updateTable('page_settings').set(next).where('id', '=', current.id).execute();
    await emit(trx, { type: 'page.changed', what: 'settings' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: next.id, before: current, after: next });
    return next;
  });
}
