export interface Paging {
  page: number;
  perPage: number;
}

export type PagingResult = { ok: true; paging: Paging } | { ok: false; field: string };

/**
 * `page` (1-based; 0 reads as the first page, for clients following the 0-based subscriber
 * docs) and `per_page` or its alias `limit`, default and maximum `max`.
 */
export function parsePaging(params: URLSearchParams, max = 100): PagingResult {
  const int = (name: string): number | null | undefined => {
    const raw = params.get(name);
    if (raw === null || raw === '') return undefined;
    return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  };
  const page = int('page');
  if (page === null) return { ok: false, field: 'page' };
  const perPageName = params.has('per_page') ? 'per_page' : 'limit';
  const perPage = int(perPageName);
  if (perPage === null || perPage === 0) return { ok: false, field: perPageName };
  return { ok: true, paging: { page: Math.max(1, page ?? 1), perPage: Math.min(max, perPage ?? max) } };
}
