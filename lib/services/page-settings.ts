import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import type { PageSettings } from '@/lib/db/schema';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { parseInput } from '@/lib/services/errors';
import { Name } from '@/lib/services/schemas';

const DEFAULT_NAME = 'Status';

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
  logoUrl: z.string().trim().max(2000).regex(/^(https?:\/\/|\/)/, 'must be an http(s) URL or a path').nullish(),
});
export type UpdatePageSettingsInput = z.input<typeof UpdatePageSettingsInput>;

/** The page's settings, created with defaults (and a stable page id) on first read. */
export async function getPageSettings(db: DbOrTx, now: Date): Promise<PageSettings> {
  const existing = await db.selectFrom('page_settings').selectAll().executeTakeFirst();
  if (existing) return existing;
  const at = now.toISOString();
  const row: PageSettings = {
    id: newId(),
    name: DEFAULT_NAME,
    url: null,
    time_zone: 'UTC',
    logo_url: null,
    created_at: at,
    updated_at: at,
  };
  await db
    .insertInto('page_settings')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return (await db.selectFrom('page_settings').selectAll().executeTakeFirst()) ?? row;
}

/** Changes the page's name, canonical URL, time zone or logo. */
export async function updatePageSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdatePageSettingsInput;
}): Promise<PageSettings> {
  const data = parseInput(UpdatePageSettingsInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const current = await getPageSettings(trx, ctx.now());
    const next: PageSettings = {
      ...current,
      name: data.name ?? current.name,
      url: data.url === undefined ? current.url : data.url,
      time_zone: data.timeZone ?? current.time_zone,
      logo_url: data.logoUrl === undefined ? current.logo_url : data.logoUrl,
      updated_at: ctx.now().toISOString(),
    };
    await trx.updateTable('page_settings').set(next).where('id', '=', current.id).execute();
    await emit(trx, { type: 'page.changed', what: 'settings' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: next.id, before: current, after: next });
    return next;
  });
}
