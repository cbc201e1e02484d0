import { z } from 'zod';
import type { SelectQueryBuilder } from 'kysely';
import { forUpdate } from '@/lib/db/row-lock';
import type { Database, PageSettings } from '@/lib/db/schema';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { parseInput } from '@/lib/services/errors';
import { Name } from '@/lib/services/schemas';

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

/**
 * The page's settings. Exactly one row exists, made by migration 007 (so the page id never
 * changes and nothing races to create it); this never inserts.
 */
export async function getPageSettings(db: DbOrTx, _now?: Date): Promise<PageSettings> {
  return readSettings(db.selectFrom('page_settings').selectAll());
}

async function readSettings(query: SelectQueryBuilder<Database, 'page_settings', PageSettings>): Promise<PageSettings> {
  const row = await query.executeTakeFirst();
  if (!row) throw new Error('The page settings row is missing (migration 007 makes it; was it deleted?)');
  return row;
}

/** Changes the page's name, canonical URL, time zone or logo. */
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
    const current = await readSettings(forUpdate(trx, trx.selectFrom('page_settings').selectAll()));
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
