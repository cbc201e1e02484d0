import { z } from 'zod';
import { effectiveImpact, impactFromStatuses } from '@/lib/domain/impact';
import { canReopen, updateVerdict } from '@/lib/domain/lifecycle';
import { IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, UPDATE_STATUS_LABEL, worstOf } from '@/lib/domain/status';
import { newId } from '@/lib/db/ids';
import { forUpdate } from '@/lib/db/row-lock';
import type { IncidentRow, IncidentUpdateRow } from '@/lib/db/schema';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { assertComponentsExist, recordComponentChanges } from '@/lib/services/component-changes';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import type { DomainEvent } from '@/lib/domain/events';
import { emit } from '@/lib/services/events';
import { ConflictError, NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentChanges, Id, ImpactInput, IsoTime, Markdown } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { replaceTranslations } from '@/lib/db/queries/translations';

export const AddIncidentUpdateInput = z.object({
  incidentId: Id,
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
  body: Markdown.default(''),
  components: ComponentChanges,
  impactOverride: ImpactInput.nullish(),
  /** When the update is shown as posted; defaults to now, may be backdated. */
  displayAt: IsoTime.optional(),
  deliverNotifications: z.boolean().default(true),
  /** Beacon extension (issue #15): the update's text per language. */
  translations: TranslationsInput(['body']).optional(),
});
export type AddIncidentUpdateInput = z.input<typeof AddIncidentUpdateInput>;

export interface AddedUpdate {
  incident: IncidentRow;
  update: IncidentUpdateRow;
}

/** Posts an update on an incident or maintenance: new status, text and component changes. */
export async function addIncidentUpdate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AddIncidentUpdateInput;
}): Promise<AddedUpdate> {
  authorize(ctx, 'incident.update');
  const data = parseInput(AddIncidentUpdateInput, input);
  return withTransaction(ctx.db, (trx) => addUpdateInTransaction(trx, ctx.now(), data, ctx));
}

/**
 * How the caller means an update: `isMove` for a verb that moves the status (resolve, the
 * scheduler's start and completion), which refuses an item already there; `otherChanges` when the
 * same transaction changed something else worth an update (a new window), so that an update at
 * the same status with no text is still news.
 */
export interface UpdateIntent {
  isMove?: boolean;
  otherChanges?: boolean;
  /** Reopening a resolved incident (reopen-incident.ts): the one way back from resolved. */
  reopen?: boolean;
}

/** The body of addIncidentUpdate, for verbs that post an update as part of a larger change. */
export async function addUpdateInTransaction(
  trx: DbOrTx,
  nowDate: Date,
  data: z.output<typeof AddIncidentUpdateInput>,
  ctx?: ServiceContext,
  intent: UpdateIntent = {},
): Promise<AddedUpdate> {
  const now = nowDate.toISOString();
  const displayAt = data.displayAt ?? now;
  if (displayAt > now) throw new ValidationError('displayAt cannot be in the future', { displayAt: 'is in the future' });

  // Locked until commit: a concurrent update of the same item waits, then sees this one's status.
  const incident = await forUpdate(trx, trx.selectFrom('incidents').selectAll().where('id', '=', data.incidentId)).executeTakeFirst();
  if (!incident) throw new NotFoundError('Incident', data.incidentId);
  const carriesNews = data.body.trim() !== '' || data.components.length > 0 || intent.otherChanges === true;
  const reopening = intent.reopen === true && canReopen(incident.kind, incident.status, data.status);
  const verdict = reopening ? 'move' : updateVerdict(incident.kind, incident.status, data.status, { carriesNews, isMove: intent.isMove });
  if (verdict === 'refused') {
    throw new ConflictError(`An ${incident.kind} cannot go from ${incident.status} to ${data.status}`, {
      status: `not allowed after ${incident.status}`,
    });
  }
  if (verdict === 'already') {
    const label = UPDATE_STATUS_LABEL[data.status].toLowerCase();
    throw new ValidationError(
      `The ${incident.kind} is already ${label}${intent.isMove ? '' : ': write a message to post another update at this status'}`,
      { status: `is already ${data.status}` },
    );
  }
  await assertComponentsExist(trx, data.components.map((c) => c.id));

  const update: IncidentUpdateRow = {
    id: newId(),
    incident_id: incident.id,
    status: data.status,
    body: data.body,
    display_at: displayAt,
    deliver_notifications: data.deliverNotifications,
    created_at: now,
    updated_at: now,
    edited_at: null,
    withdrawn_at: null,
  };
  await trx.insertInto('incident_updates').values(update).execute();
  if (data.translations) await replaceTranslations(trx, 'incident_update', update.id, ['body'], data.translations, nowDate);
  // Component moves alert (webhooks) like the update does: a quiet reopen stays quiet.
  const quiet = reopening && !data.deliverNotifications;
  await recordComponentChanges(trx, incident.id, update.id, data.components, displayAt, nowDate, { alert: !quiet });

  // Impact never drops during an incident: recovering components must not erase how bad it was.
  const override = data.impactOverride === undefined ? incident.impact_override : data.impactOverride;
  const derived = worstOf(IMPACTS, [incident.impact, impactFromStatuses(data.components.map((c) => c.status))], 'none');
  const finished = data.status === 'resolved' || data.status === 'completed' || data.status === 'cancelled';
  const next: IncidentRow = {
    ...incident,
    status: data.status,
    impact: incident.kind === 'maintenance' ? incident.impact : effectiveImpact(derived, override),
    impact_override: override ?? null,
    monitoring_at: data.status === 'monitoring' && !incident.monitoring_at ? displayAt : incident.monitoring_at,
    resolved_at: reopening ? null : finished && !incident.resolved_at ? displayAt : incident.resolved_at,
    started_at:
      incident.kind === 'maintenance' && data.status === 'in_progress' && incident.status === 'scheduled'
        ? displayAt
        : incident.started_at,
    updated_at: now,
  };
  await trx.updateTable('incidents').set(next).where('id', '=', incident.id).execute();
  await emit(trx, { type: eventType(incident, data.status), incidentId: incident.id, updateId: update.id }, nowDate);
  if (ctx) {
    await recordAudit(trx, ctx, {
      action: reopening ? 'incident.reopen' : `${incident.kind}.update`,
      entityType: incident.kind,
      entityId: incident.id,
      before: incident,
      after: { ...next, update: { status: update.status, body: update.body, components: data.components } },
    });
  }
  return { incident: next, update };
}

/** Which event an update is: subscribers are told differently about a start, a change and an end. */
function eventType(before: IncidentRow, status: string): Extract<DomainEvent, { updateId: string }>['type'] {
  if (before.kind === 'incident') {
    return status === 'resolved' && before.status !== 'resolved' ? 'incident.resolved' : 'incident.updated';
  }
  if (status === before.status) return 'maintenance.updated';
  if (status === 'in_progress' && before.status === 'scheduled') return 'maintenance.started';
  if (status === 'completed') return 'maintenance.completed';
  if (status === 'cancelled') return 'maintenance.cancelled';
  return 'maintenance.updated';
}
