import type { IncidentTemplateRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { parseJson } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { z } from 'zod';
import { Id, Markdown, Name } from '@/lib/services/schemas';

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
});

export interface IncidentTemplate {
  id: string;
  name: string;
  title: string;
  body: string;
  status: IncidentTemplateRow['status'];
  componentIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** A template row as callers see it, its component ids parsed. */
export function toIncidentTemplate(row: IncidentTemplateRow): IncidentTemplate {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    body: row.body,
    status: row.status,
    componentIds: parseJson<string[]>(row.component_ids) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One template, or undefined. */
export async function getIncidentTemplate(db: DbOrTx, id: string): Promise<IncidentTemplate | undefined> {
  const row = await db.selectFrom('incident_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toIncidentTemplate(row);
}

/** Every incident template, by name. */
export async function listIncidentTemplates({ ctx }: { ctx: ServiceContext }): Promise<IncidentTemplate[]> {
  const rows = await ctx.db.selectFrom('incident_templates').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toIncidentTemplate);
}
