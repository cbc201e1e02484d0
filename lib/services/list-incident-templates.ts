import type { IncidentTemplateRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { parseJson } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { z } from 'zod';
import { INCIDENT_CLASSES, type IncidentClass, type IncidentScope } from '@/lib/domain/incident-class';
import type { ComponentStatus } from '@/lib/domain/status';
import { ComponentChanges, Id, Markdown, Name } from '@/lib/services/schemas';
import { CreateIncidentInput } from '@/lib/services/create-incident';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { listTranslations } from '@/lib/db/queries/translations';
import type { Translations } from '@/lib/domain/localize';

/** The fields an incident template is made of; shared by create and update. */
export const TemplateFields = z.object({
  name: Name,
  title: Name,
  body: Markdown,
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']).default('investigating'),
  componentIds: z
    .array(Id)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a component twice')
    .default([]),
  /** The NOC class and scope the composer fills in (issue #14). */
  incidentClass: z.enum(INCIDENT_CLASSES).nullable().default(null),
  scope: CreateIncidentInput.shape.scope.unwrap().unwrap().nullable().default(null),
  /** The status each component usually goes to; its ids are among `componentIds` too. */
  componentStatuses: ComponentChanges,
  /** Beacon extension (issue #15): the title and body per language; an incident made from it carries them. */
  translations: TranslationsInput(['title', 'body']).optional(),
});

export interface IncidentTemplate {
  id: string;
  name: string;
  title: string;
  body: string;
  status: IncidentTemplateRow['status'];
  componentIds: string[];
  incidentClass: IncidentClass | null;
  scope: IncidentScope | null;
  componentStatuses: { id: string; status: ComponentStatus }[];
  /** The title and body per language; empty when there are none. */
  translations: Translations;
  createdAt: string;
  updatedAt: string;
}

/** A template row as callers see it, its component ids parsed. */
export function toIncidentTemplate(row: IncidentTemplateRow, translations: Translations = {}): IncidentTemplate {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    body: row.body,
    status: row.status,
    componentIds: parseJson<string[]>(row.component_ids) ?? [],
    incidentClass: row.incident_class ?? null,
    scope: parseJson<IncidentScope>(row.scope) ?? null,
    componentStatuses: parseJson<{ id: string; status: ComponentStatus }[]>(row.component_statuses) ?? [],
    translations,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One template, or undefined. */
export async function getIncidentTemplate(db: DbOrTx, id: string): Promise<IncidentTemplate | undefined> {
  const row = await db.selectFrom('incident_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toIncidentTemplate(row, (await listTranslations(db, 'incident_template', [id])).get(id));
}

/** Every incident template, by name. */
export async function listIncidentTemplates({ ctx }: { ctx: ServiceContext }): Promise<IncidentTemplate[]> {
  const rows = await ctx.db.selectFrom('incident_templates').selectAll().orderBy('name').orderBy('id').execute();
  const translations = await listTranslations(ctx.db, 'incident_template', rows.map((r) => r.id));
  return rows.map((r) => toIncidentTemplate(r, translations.get(r.id)));
}

/** The component ids a template names: its own list and those it gives a status, once each. */
export function templateComponentIds(componentIds: readonly string[], statuses: readonly { id: string }[]): string[] {
  return [...new Set([...componentIds, ...statuses.map((c) => c.id)])];
}
