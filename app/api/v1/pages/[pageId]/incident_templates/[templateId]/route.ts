import { TemplateBody, toTemplateInput } from '@/lib/domain/statuspage-manage/requests';
import { deleteIncidentTemplate } from '@/lib/services/delete-incident-template';
import { getManageTemplate } from '@/lib/services/get-statuspage-resources';
import { updateIncidentTemplate } from '@/lib/services/update-incident-template';
import { json } from '@/app/api/v1/_lib/respond';
import { TEMPLATE_OPTIONS } from '@/app/api/v1/_lib/templates';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey, type ManageRequest } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/*
 * /incident_templates/{id}: get, update, delete are not in Statuspage's docs; offered so
 * templates can be managed without the console.
 */
type Params = { pageId: string; templateId: string };
const read = (req: ManageRequest<Params>) => getManageTemplate({ ctx: req.ctx, id: req.params.templateId, pageId: req.pageId });

/** GET /pages/{page_id}/incident_templates/{id}. */
export const GET = withManageKey<Params>(async (req) => json(200, await read(req)), TEMPLATE_OPTIONS);

/** PATCH (or PUT): changes the fields sent. */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'template', TemplateBody);
  if (!body.ok) return body.response;
  await updateIncidentTemplate({ ctx: req.ctx, input: { id: req.params.templateId, ...toTemplateInput(body.value) } });
  return json(200, await read(req));
}, TEMPLATE_OPTIONS);
export const PUT = PATCH;

/** DELETE: 200 with the template as it was. */
export const DELETE = withManageKey<Params>(async (req) => {
  const before = await read(req);
  await deleteIncidentTemplate({ ctx: req.ctx, input: { id: req.params.templateId } });
  return json(200, before);
}, TEMPLATE_OPTIONS);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';
