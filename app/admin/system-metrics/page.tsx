import type { Metadata } from 'next';
import { hasRole, requireOperator } from '@/lib/auth/require-operator';
import { TRANSFORM_LABEL, TRANSFORMS } from '@/lib/domain/system-metrics/definition';
import { requestContext } from '@/lib/services/context';
import { listSystemMetrics, type SystemMetricListItem } from '@/lib/services/list-system-metrics';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { createSystemMetricAction, deleteSystemMetricAction, updateSystemMetricAction } from '@/app/admin/system-metrics/actions';
import { ActionForm } from '@/components/admin/action-form';
import { Checkbox, Field, Select, TextInput } from '@/components/ui/fields';
import { formatDateTime } from '@/components/ui/format-time';

export const metadata: Metadata = { title: 'System metrics' };

function MetricFields({ prefix, value }: { prefix: string; value?: SystemMetricListItem }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Name" htmlFor={id('name')} help='As customers read it, e.g. "REST API p95 latency".'>
        <TextInput id={id('name')} name="name" required maxLength={255} defaultValue={value?.name} />
      </Field>
      <Field label="Unit" htmlFor={id('suffix')} help="Shown after each value: ms, %, s…">
        <TextInput id={id('suffix')} name="suffix" maxLength={20} defaultValue={value?.suffix} />
      </Field>
      <Field label="Combine points by" htmlFor={id('transform')} help="How the points of each chart interval become one value.">
        <Select id={id('transform')} name="transform" defaultValue={value?.transform ?? 'average'}>
          {TRANSFORMS.map((t) => (
            <option key={t} value={t}>
              {TRANSFORM_LABEL[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Decimal places" htmlFor={id('decimalPlaces')}>
        <TextInput id={id('decimalPlaces')} name="decimalPlaces" type="number" min={0} max={6} step={1} defaultValue={value?.decimal_places ?? 0} />
      </Field>
      <Field label="Y-axis minimum" htmlFor={id('yAxisMin')} help="Empty: from the data.">
        <TextInput id={id('yAxisMin')} name="yAxisMin" inputMode="decimal" defaultValue={value?.y_axis_min ?? ''} />
      </Field>
      <Field label="Y-axis maximum" htmlFor={id('yAxisMax')} help="Empty: from the data.">
        <TextInput id={id('yAxisMax')} name="yAxisMax" inputMode="decimal" defaultValue={value?.y_axis_max ?? ''} />
      </Field>
      <Field label="Description" htmlFor={id('tooltipDescription')} help="Shown under the name: what is measured, and how.">
        <TextInput id={id('tooltipDescription')} name="tooltipDescription" maxLength={1000} defaultValue={value?.tooltip_description} />
      </Field>
      <Field label="Identifier" htmlFor={id('metricIdentifier')} help="Your monitoring's own name for it (optional).">
        <TextInput id={id('metricIdentifier')} name="metricIdentifier" maxLength={255} defaultValue={value?.metric_identifier} />
      </Field>
      <div className="flex flex-wrap gap-6 sm:col-span-2">
        <Checkbox label="Show on the status page" name="display" defaultChecked={value?.display ?? true} />
        <Checkbox label="Hide the y-axis values" name="yAxisHidden" defaultChecked={value?.y_axis_hidden ?? false} />
      </div>
    </div>
  );
}

export default async function SystemMetricsPage() {
  const operator = await requireOperator('responder');
  const admin = hasRole(operator, 'admin');
  const ctx = await requestContext();
  const [metrics, page] = await Promise.all([listSystemMetrics({ ctx }), getPageSettings(ctx.db, ctx.now())]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">System metrics</h1>
        <p className="max-w-prose text-sm text-neutral-600 dark:text-neutral-400">
          Numbers customers can look at on the status page, as charts of the last day, week and month. Your monitoring pushes data points through the
          Statuspage-compatible API with an API key; points older than two days are kept as hourly figures, and nothing older than a month.
        </p>
      </div>
      {metrics.length === 0 && <p className="text-sm text-neutral-600 dark:text-neutral-400">No metrics yet.{admin ? ' Define the first one below.' : ''}</p>}
      {metrics.length > 0 && (
        <ul className="space-y-3">
          {metrics.map((m) => (
            <li key={m.id} className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{m.name}</span>
                  {m.suffix && <span className="text-neutral-600 dark:text-neutral-400"> ({m.suffix})</span>}
                  {!m.display && <span className="ms-2 rounded bg-neutral-100 px-1.5 py-0.5 text-xs dark:bg-neutral-800">hidden</span>}
                  <span className="mt-1 block text-sm text-neutral-600 dark:text-neutral-400">
                    {m.most_recent_data_at ? `Latest point ${formatDateTime(m.most_recent_data_at, page.time_zone)}` : 'No data yet'} · {m.storedPoints.toLocaleString('en-US')} points,{' '}
                    {m.storedRollups.toLocaleString('en-US')} hourly figures kept
                  </span>
                </summary>
                <div className="mt-4 space-y-4">
                  <p className="text-sm">
                    Push data: <code className="break-all rounded bg-neutral-100 px-1 py-0.5 text-xs dark:bg-neutral-800">POST /api/v1/pages/{page.id}/metrics/{m.id}/data</code> with{' '}
                    <code className="rounded bg-neutral-100 px-1 py-0.5 text-xs dark:bg-neutral-800">{'{"data":{"timestamp":<Unix seconds>,"value":<number>}}'}</code>
                  </p>
                  {admin && (
                    <>
                      <ActionForm action={updateSystemMetricAction} submitLabel="Save metric">
                        <input type="hidden" name="id" value={m.id} />
                        <MetricFields prefix={m.id} value={m} />
                      </ActionForm>
                      <div className="flex flex-wrap gap-3 border-t border-neutral-200 pt-4 dark:border-neutral-800">
                        <ActionForm action={deleteSystemMetricAction} submitLabel="Delete its data" variant="secondary" confirm={`Delete every data point of ${m.name}?`} className="">
                          <input type="hidden" name="id" value={m.id} />
                          <input type="hidden" name="dataOnly" value="true" />
                        </ActionForm>
                        <ActionForm action={deleteSystemMetricAction} submitLabel="Delete metric" variant="danger" confirm={`Delete ${m.name} and its data?`} className="">
                          <input type="hidden" name="id" value={m.id} />
                        </ActionForm>
                      </div>
                    </>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <section aria-labelledby="new-metric" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="new-metric" className="mb-3 font-semibold">
            New metric
          </h2>
          <ActionForm action={createSystemMetricAction} submitLabel="Create metric">
            <MetricFields prefix="new" />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
