import { METRIC_FIELD_NAMES, toManageMetric } from '@/lib/domain/system-metrics/statuspage';
import { listSystemMetrics } from '@/lib/services/list-system-metrics';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readPaging } from '@/app/api/v1/_lib/util';
import type { ManageOptions, ManageRequest } from '@/app/api/v1/_lib/with-manage-key';

/** How metric routes name fields in errors: `metric.decimal_places`. */
export const METRIC_OPTIONS: ManageOptions = { wrapper: 'metric', fields: METRIC_FIELD_NAMES };

/** A refused point: 422 (or 400 for no `data`), each bad field named as sent (`data.timestamp`). */
export function refusedData(status: 400 | 422, fields: Record<string, string>): Response {
  return errorJson(status, Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; '), fields);
}

/** One page of metrics as Statuspage lists them: a bare array. */
export async function listManageMetrics(req: ManageRequest<unknown>): Promise<Response> {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  const { page, perPage } = paging.paging;
  const rows = await listSystemMetrics({ ctx: req.ctx });
  return json(200, rows.slice((page - 1) * perPage, page * perPage).map((r) => toManageMetric(r, req.pageId)));
}

/** The fields a body sent, without the ones it left out. */
export const withoutUndefined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A key that cannot be a metric id names no metric. */
export const METRIC_ID = /^[a-z0-9]{1,64}$/;
