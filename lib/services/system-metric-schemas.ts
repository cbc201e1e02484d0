import { z } from 'zod';
import { MAX_DECIMAL_PLACES, TRANSFORMS } from '@/lib/domain/system-metrics/definition';
import { Name } from '@/lib/services/schemas';

/** A y-axis bound: a finite number, or null for "from the data". */
const Bound = z.number({ message: 'must be a number' }).finite('must be a finite number').min(-1e15, 'is too large').max(1e15, 'is too large').nullable();

/** The fields of a system metric as the services take them (Statuspage's metric fields). */
export const SystemMetricPatch = z.object({
  name: Name,
  metricIdentifier: z.string().trim().max(255, 'must be at most 255 characters'),
  suffix: z.string().trim().max(20, 'must be at most 20 characters'),
  tooltipDescription: z.string().trim().max(1000, 'must be at most 1,000 characters'),
  transform: z.enum(TRANSFORMS, { message: `must be one of ${TRANSFORMS.join(', ')}` }),
  decimalPlaces: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(MAX_DECIMAL_PLACES, `must be at most ${MAX_DECIMAL_PLACES}`),
  yAxisMin: Bound,
  yAxisMax: Bound,
  yAxisHidden: z.boolean(),
  display: z.boolean(),
}).partial();

/** A new metric's fields: a name, the rest defaulted. */
export const SystemMetricFields = SystemMetricPatch.required({ name: true }).extend({
  metricIdentifier: SystemMetricPatch.shape.metricIdentifier.default(''),
  suffix: SystemMetricPatch.shape.suffix.default(''),
  tooltipDescription: SystemMetricPatch.shape.tooltipDescription.default(''),
  transform: SystemMetricPatch.shape.transform.default('average'),
  decimalPlaces: SystemMetricPatch.shape.decimalPlaces.default(0),
  yAxisMin: SystemMetricPatch.shape.yAxisMin.default(null),
  yAxisMax: SystemMetricPatch.shape.yAxisMax.default(null),
  yAxisHidden: SystemMetricPatch.shape.yAxisHidden.default(false),
  display: SystemMetricPatch.shape.display.default(true),
});
export type SystemMetricFields = z.output<typeof SystemMetricFields>;

/**
 * Checks what one field cannot: a fixed y-axis range must be a range. Both bounds 0 (how the
 * API reads an automatic bound back) means automatic.
 */
export function normaliseBounds<T extends { yAxisMin: number | null; yAxisMax: number | null }>(fields: T): T | { error: Record<string, string> } {
  if (fields.yAxisMin === 0 && fields.yAxisMax === 0) return { ...fields, yAxisMin: null, yAxisMax: null };
  if (fields.yAxisMin !== null && fields.yAxisMax !== null && fields.yAxisMax <= fields.yAxisMin) {
    return { error: { yAxisMax: 'must be greater than the y-axis minimum' } };
  }
  return fields;
}
