import { z } from 'zod';
import { COMPONENT_STATUSES, IMPACTS } from '@/lib/domain/status';

/** Shared input pieces for service schemas. */
export const Id = z.string().trim().regex(/^[a-z0-9]{1,64}$/, 'must be an id of lowercase letters and digits');
export const Name = z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters');
export const Description = z.string().trim().max(2000, 'must be at most 2,000 characters').nullish();
/** A group's members when listed: never empty (a group is emptied by deleting it), each once. */
export const GroupMembers = z
  .array(Id)
  .min(1, 'must list at least one component')
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a component twice');
export const Markdown = z.string().max(50_000, 'must be at most 50,000 characters');
export const ComponentStatusInput = z.enum(COMPONENT_STATUSES);
export const ImpactInput = z.enum(IMPACTS);
export const IsoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with a zone' }).transform((v) => new Date(v).toISOString());

/** Component changes carried by an incident update: which component moves to which status. */
export const ComponentChanges = z
  .array(z.object({ id: Id, status: ComponentStatusInput }))
  .max(500)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'lists a component twice')
  .default([]);
export type ComponentChanges = z.infer<typeof ComponentChanges>;

/**
 * Text a filter or lookup carries to the database. PostgreSQL refuses a NUL character in text
 * (22021), so it is refused here, as bad input, before it reaches a query.
 */
export const QueryText = z.string().refine((s) => !s.includes('\u0000'), 'must not contain a NUL character');

/** A point in time to filter on: ISO 8601 with a zone, within the years both databases store. */
export const QueryTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time with a zone' })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }, 'must be a time between the years 1 and 9999')
  .transform((v) => new Date(v).toISOString());
