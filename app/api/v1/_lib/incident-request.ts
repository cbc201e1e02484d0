import { z } from 'zod';
import { IncidentBody, affectedComponents } from '@/lib/domain/statuspage-manage/requests';
import { ComponentStatusInput, Id } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';

/** The components an incident body names (`components` and `component_ids` merged): `status` null means "affected, unchanged". */
export const AffectedComponents = z.array(z.object({ id: Id, status: ComponentStatusInput.nullable() })).max(500);

/**
 * A POST or PATCH /incidents body, checked before anything is read: its translations as the
 * verbs check them (a PATCH splits them between the title and its update) and the ids of the
 * components it names, each refusal naming the field as sent (`incident.components`).
 */
export const IncidentRequestBody = IncidentBody.extend({ translations: TranslationsInput(['name', 'body']).optional() }).superRefine((body, ctx) => {
  const issue = AffectedComponents.safeParse(affectedComponents(body) ?? []).error?.issues[0];
  if (issue) ctx.addIssue({ code: 'custom', path: ['components'], message: issue.message });
});
