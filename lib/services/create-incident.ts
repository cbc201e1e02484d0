import { z } from 'zod';
import { effectiveImpact, impactFromStatuses } from '@/lib/domain/impact';
import { INCIDENT_CLASSES } from '@/lib/domain/incident-class';
import { newId } from '@/lib/db/ids';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import type { Translations } from '@/lib/domain/localize';
import { assertComponentsExist, recordComponentChanges } from '@/lib/services/component-changes';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentChanges, Id, ImpactInput, IsoTime, Markdown, Name } from '@/lib/services/schemas';
import { limitNewIncident } from '@/lib/services/incident-audiences';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { replaceTranslations } from '@/lib/db/queries/translations';
import { SupportLevelInput } from '@/lib/services/audience-schemas';
import { deliverNotice, recordNotice } from '@/lib/services/notice-delivery';

export const CreateIncidentInput = z.object({
  name: Name,
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']).default('investigating'),
  body: Markdown.default(''),
  components: ComponentChanges,
  impactOverride: ImpactInput.nullish(),
  /** Backdated start for incidents noticed late or backfilled; defaults to now. */
  startedAt: IsoTime.optional(),
  deliverNotifications: z.boolean().default(true),
  incidentClass: z.enum(INCIDENT_CLASSES).nullish(),
  scope: z
    .object({
      regions: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
      deviceTypes: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
      devices: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
      notes: z.string().max(2000).default(''),
    })
    .nullish(),
  /** Beacon extension (issue #15): the title and first update's text per language. */
  translations: TranslationsInput(['name', 'body']).optional(),
  /** Audiences it is limited to ([] = everyone); left out, the default of lib/domain/visibility.ts applies. */
  audienceIds: z.array(Id).max(100).optional(),
  /** Issue #16 part 4: also send the first message as a notice to audiences at this level and up. */
  notifyAudiencesAtLevel: SupportLevelInput.nullish(),
});
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;

/**
 * Opens an incident with its first update and the components it affects; with
 * `notifyAudiencesAtLevel`, the first message also goes out at once as a notice to those audiences.
 */
export async function createIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateIncidentInput;
}): Promise<IncidentRow> {
  authorize(ctx, 'incident.create');
  const data = parseInput(CreateIncidentInput, input);
  const now = ctx.now().toISOString();
  const startedAt = data.startedAt ?? now;
  if (startedAt > now) throw new ValidationError('startedAt cannot be in the future', { startedAt: 'is in the future' });
  if (data.notifyAudiencesAtLevel) authorize(ctx, 'notice.send');

  const { incident, noticeId } = await withTransaction(ctx.db, async (trx) => {
    await assertComponentsExist(trx, data.components.map((c) => c.id));
    const derived = impactFromStatuses(data.components.map((c) => c.status));
    const incident: IncidentRow = {
      id: newId(),
      kind: 'incident',
      postmortem_visibility: 'everyone',
      name: data.name,
      status: data.status,
      impact: effectiveImpact(derived, data.impactOverride),
      impact_override: data.impactOverride ?? null,
      started_at: startedAt,
      monitoring_at: data.status === 'monitoring' ? startedAt : null,
      resolved_at: data.status === 'resolved' ? startedAt : null,
      scheduled_for: null,
      scheduled_until: null,
      auto_start: false,
      auto_complete: false,
      postmortem_body: null,
      postmortem_published_at: null,
      postmortem_notify: null,
      incident_class: data.incidentClass ?? null,
      scope: data.scope ? JSON.stringify(data.scope) : null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('incidents').values(incident).execute();

    const updateId = newId();
    await trx
      .insertInto('incident_updates')
      .values({
        id: updateId,
        incident_id: incident.id,
        status: data.status,
        body: data.body,
        display_at: startedAt,
        deliver_notifications: data.deliverNotifications,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordComponentChanges(trx, incident.id, updateId, data.components, startedAt, ctx.now());
    if (data.translations) await saveIncidentTranslations(trx, incident.id, updateId, data.translations, ctx.now());
    const audienceIds = await limitNewIncident(trx, incident.id, data.components.map((c) => c.id), data.audienceIds);
    await emit(trx, { type: 'incident.created', incidentId: incident.id, updateId }, ctx.now());
    await recordAudit(trx, ctx, { action: 'incident.create', entityType: 'incident', entityId: incident.id, after: { ...incident, body: data.body, components: data.components, audienceIds, ...(data.translations && { translations: data.translations }) } });
    if (!data.notifyAudiencesAtLevel) return { incident, noticeId: null };
    // Already an incident, so the notice is born promoted: members see the incident itself.
    const notice = await recordNotice(trx, ctx, { title: data.name, body: data.body || data.name, target: { kind: 'level', minLevel: data.notifyAudiencesAtLevel }, status: 'promoted', incidentId: incident.id });
    // No audience at that level yet: the incident still opens, nobody is left to tell.
    if (!notice) return { incident, noticeId: null };
    await recordAudit(trx, ctx, { action: 'notice.send', entityType: 'notice', entityId: notice.id, after: { title: notice.title, minLevel: notice.min_level, audiences: notice.audiences, recipients: notice.deliveries.queued, incidentId: incident.id } });
    return { incident, noticeId: notice.id };
  });
  if (noticeId) await deliverNotice(ctx, noticeId);
  return incident;
}

/** Splits `{ de: { name, body } }` into the incident's name and its update's body translations. */
export async function saveIncidentTranslations(trx: DbOrTx, incidentId: string, updateId: string | null, translations: Translations, now: Date): Promise<void> {
  const pick = (field: 'name' | 'body') =>
    Object.fromEntries(Object.entries(translations).flatMap(([l, t]) => (t?.[field] ? [[l, { [field]: t[field] }]] : []))) as Translations;
  await replaceTranslations(trx, 'incident', incidentId, ['name'], pick('name'), now);
  if (updateId) await replaceTranslations(trx, 'incident_update', updateId, ['body'], pick('body'), now);
}
