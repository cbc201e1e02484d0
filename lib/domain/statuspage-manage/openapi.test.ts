import { describe, expect, it } from 'vitest';
import { buildManageOpenApi } from '@/lib/domain/statuspage-manage/openapi';

describe('management API OpenAPI document', () => {
  const doc = buildManageOpenApi('https://status.example.com');

  it('is OpenAPI 3.1 with the server and the OAuth header scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://status.example.com/api/v1' }]);
    expect(doc.components.securitySchemes.OAuth).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
  });

  it('lists every implemented path, and every $ref resolves', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '', '/incidents', '/incidents/{incident_id}', '/incidents/unresolved', '/incidents/upcoming', '/incidents/active_maintenance',
        '/incidents/scheduled', '/components', '/components/{component_id}', '/component-groups', '/component-groups/{id}',
        '/incident_templates', '/incident_templates/{id}', '/subscribers', '/subscribers/unsubscribed', '/subscribers/{subscriber_id}',
        '/incidents/{incident_id}/incident_updates/{incident_update_id}',
      ].map((p) => `/pages/{page_id}${p}`).concat('/pages').sort(),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|responses)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, kind, name] of refs) expect(doc.components[kind as 'schemas'], `${kind}/${name}`).toHaveProperty([name!]);
  });

  it('derives request bodies from the validating schemas', () => {
    const post = (doc.paths as Record<string, unknown>)['/pages/{page_id}/incidents'] as { post: { requestBody: { content: Record<string, { schema: { properties: { incident: { properties: Record<string, unknown> } } } }> } } };
    const incident = post.post.requestBody.content['application/json']!.schema.properties.incident;
    expect(Object.keys(incident.properties)).toEqual(expect.arrayContaining(['name', 'status', 'components', 'component_ids', 'scheduled_for', 'backfilled']));
  });
});
