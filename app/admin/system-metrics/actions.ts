'use server';

import { z } from 'zod';
import { adminAction, type ActionState } from '@/lib/auth/admin-action';
import { createSystemMetric } from '@/lib/services/create-system-metric';
import { deleteSystemMetric } from '@/lib/services/delete-system-metric';
import { ServiceError } from '@/lib/services/errors';
import { updateSystemMetric } from '@/lib/services/update-system-metric';
import { checkbox } from '@/app/admin/actions/form-schemas';

/** The form's labels, so a refusal names the field as the operator sees it. */
const LABELS: Record<string, string> = {
  name: 'Name',
  suffix: 'Unit',
  metricIdentifier: 'Identifier',
  tooltipDescription: 'Description',
  transform: 'Combine points by',
  decimalPlaces: 'Decimal places',
  yAxisMin: 'Y-axis minimum',
  yAxisMax: 'Y-axis maximum',
};

const text = z.string().default('');
const MetricForm = z.object({
  name: text,
  suffix: text,
  metricIdentifier: text,
  tooltipDescription: text,
  transform: text,
  decimalPlaces: text,
  yAxisMin: text,
  yAxisMax: text,
  yAxisHidden: checkbox,
  display: checkbox,
});

/** An empty box is "automatic" (null); anything else must read as a number, else it reaches the service as text and is refused there. */
const numberOrNull = (v: string): number | null | string => (v.trim() === '' ? null : Number.isFinite(Number(v)) ? Number(v) : v);

function toInput(form: z.output<typeof MetricForm>) {
  const places = form.decimalPlaces.trim() === '' ? 0 : Number(form.decimalPlaces);
  return {
    name: form.name,
    suffix: form.suffix,
    metricIdentifier: form.metricIdentifier,
    tooltipDescription: form.tooltipDescription,
    transform: form.transform as 'average',
    decimalPlaces: Number.isFinite(places) ? places : (form.decimalPlaces as unknown as number),
    yAxisMin: numberOrNull(form.yAxisMin) as number | null,
    yAxisMax: numberOrNull(form.yAxisMax) as number | null,
    yAxisHidden: form.yAxisHidden,
    display: form.display,
  };
}

/** A service refusal in the form's words: "Decimal places must be at most 6". */
function refused(error: unknown): ActionState {
  if (!(error instanceof ServiceError) || !error.fields) throw error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [LABELS[k] ?? k, v]));
  return { error: Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; '), fields };
}

/** Defines a metric. */
export const createSystemMetricAction = adminAction('system_metric.manage', MetricForm, async (form, ctx) => {
  try {
    const metric = await createSystemMetric({ ctx, input: toInput(form) });
    return { ok: true, message: `Metric "${metric.name}" created. Push its data to …/metrics/${metric.id}/data.` };
  } catch (error) {
    return refused(error);
  }
});

/** Edits a metric; its data stays. */
export const updateSystemMetricAction = adminAction('system_metric.manage', MetricForm.extend({ id: z.string() }), async (form, ctx) => {
  try {
    await updateSystemMetric({ ctx, input: { id: form.id, ...toInput(form) } });
    return { ok: true, message: 'Metric saved.' };
  } catch (error) {
    return refused(error);
  }
});

/** Deletes a metric with its data, or only its data. */
export const deleteSystemMetricAction = adminAction(
  'system_metric.manage',
  z.object({ id: z.string(), dataOnly: checkbox.optional() }),
  async (form, ctx) => {
    await deleteSystemMetric({ ctx, input: { id: form.id, dataOnly: form.dataOnly ?? false } });
    return { ok: true, message: form.dataOnly ? 'Data deleted.' : 'Metric deleted.' };
  },
);
