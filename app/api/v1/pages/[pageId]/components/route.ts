import { ComponentBody, toCreateComponentInput } from '@/lib/domain/statuspage-manage/requests';
import { createComponent } from '@/lib/services/create-component';
import { getManageComponent, getManageComponents } from '@/lib/services/get-statuspage-resources';
import { json } from '@/app/api/v1/_lib/respond';
import { readPaging, readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

const OPTIONS = { wrapper: 'component' };

/** GET /pages/{page_id}/components: up to 1000 a page, as Statuspage. */
export const GET = withManageKey(async (req) => {
  const paging = readPaging(req, 1000);
  if (!paging.ok) return paging.response;
  return json(200, await getManageComponents({ ctx: req.ctx, paging: paging.paging, pageId: req.pageId }));
}, OPTIONS);

/** POST /pages/{page_id}/components: an admin's; 201 with the component. */
export const POST = withManageKey(async (req) => {
  const body = readWrapped(req, 'component', ComponentBody);
  if (!body.ok) return body.response;
  const row = await createComponent({ ctx: req.ctx, input: toCreateComponentInput(body.value) });
  return json(201, await getManageComponent({ ctx: req.ctx, id: row.id, pageId: req.pageId }));
}, OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
