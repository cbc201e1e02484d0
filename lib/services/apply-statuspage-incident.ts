import { listComponentStatuses } from '@/lib/db/queries/component-status';
import { getIncident } from '@/lib/db/queries/incidents';
import { withTransaction } from '@/lib/db/transaction';
import type { ComponentStatuses, IncidentNow, IncidentPlan, IncidentStep } from '@/lib/domain/statuspage-manage/incident-requests';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { createIncident } from '@/lib/services/create-incident';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { editIncident } from '@/lib/services/edit-incident';
import { editMaintenance } from '@/lib/services/edit-maintenance';
import { NotFoundError, ValidationError } from '@/lib/services/errors';
import { reopenIncident } from '@/lib/services/reopen-incident';
import { updateMaintenance } from '@/lib/services/update-maintenance';

/**
 * Runs a Statuspage POST /incidents as its plan (lib/domain/statuspage-manage/incident-requests.ts),
 * planned from the named components' statuses read in the same transaction; returns the new id.
 */
export async function applyStatuspageCreate({
  ctx,
  componentIds,
  plan,
}: {
  ctx: ServiceContext;
  componentIds: readonly string[];
  plan: (statuses: ComponentStatuses) => IncidentPlan;
}): Promise<string> {
  authorize(ctx, 'incident.create');
  return withTransaction(ctx.db, async (trx) => {
    // A create plan's one step is the verb that creates.
    return (await run({ ...ctx, db: trx }, plan(await listComponentStatuses(trx, componentIds))))!;
  });
}

/** Runs a Statuspage PATCH /incidents/{id} as its plan, planned from the incident as it is and the named components' statuses. */
export async function applyStatuspagePatch({
  ctx,
  incidentId,
  componentIds,
  plan,
}: {
  ctx: ServiceContext;
  incidentId: string;
  componentIds: readonly string[];
  plan: (incident: IncidentNow, statuses: ComponentStatuses) => IncidentPlan;
}): Promise<void> {
  authorize(ctx, 'incident.update');
  await withTransaction(ctx.db, async (trx) => {
    const incident = await getIncident(trx, incidentId);
    if (!incident) throw new NotFoundError('Incident', incidentId);
    await run({ ...ctx, db: trx }, plan(incident, await listComponentStatuses(trx, componentIds)));
  });
}

/** Calls the plan's verbs in order; the id of the incident the last one wrote. */
async function run(ctx: ServiceContext, plan: IncidentPlan): Promise<string | undefined> {
  if (!plan.ok) throw new ValidationError(plan.message, plan.fields);
  let id: string | undefined;
  for (const step of plan.steps) id = await call(ctx, step);
  return id;
}

async function call(ctx: ServiceContext, step: IncidentStep): Promise<string> {
  switch (step.verb) {
    case 'createIncident':
      return (await createIncident({ ctx, input: step.input })).id;
    case 'createMaintenance':
      return (await createMaintenance({ ctx, input: step.input })).id;
    case 'editIncident':
      return (await editIncident({ ctx, input: step.input })).id;
    case 'editMaintenance':
      return (await editMaintenance({ ctx, input: step.input })).id;
    case 'updateMaintenance':
      return (await updateMaintenance({ ctx, input: step.input })).incident.id;
    case 'reopenIncident':
      return (await reopenIncident({ ctx, input: step.input })).incident.id;
    case 'addIncidentUpdate':
      return (await addIncidentUpdate({ ctx, input: step.input })).incident.id;
  }
}
