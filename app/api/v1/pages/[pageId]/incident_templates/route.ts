import { TemplateBody, toTemplateInput } from '@/lib/domain/statuspage-manage/requests';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { getManageTemplate, getManageTemplates } from '@/lib/services/get-statuspage-resources';
import { json } from '@/app/api/v1/_lib/respond';
import { TEMPLATE_OPTIONS } from '@/app/api/v1/_lib/templates';
import { readPaging, readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/incident_templates (documented by Statuspage: list and create). */
export const GET = withManageKey(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  return json(200, await getManageTemplates({ ctx: req.ctx, paging: paging.paging, pageId: req.pageId }));
}, TEMPLATE_OPTIONS);

/** POST /pages/{page_id}/incident_templates: 201 with the template. */
export const POST = withManageKey(async (req) => {
  const body = readWrapped(req, 'template', TemplateBody);
  if (!body.ok) return body.response;
  const { name, title, body: text, ...rest } = toTemplateInput(body.value);
  const template = await createIncidentTemplate({ ctx: req.ctx, input: { name: name ?? '', title: title ?? '', body: text ?? '', ...rest } });
  return json(201, await getManageTemplate({ ctx: req.ctx, id: template.id, pageId: req.pageId }));
}, TEMPLATE_OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
