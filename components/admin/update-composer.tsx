'use client';

import { useState } from 'react';
import type { ActionState } from '@/lib/auth/admin-action';
import { IMPACT_LABEL, IMPACTS, UPDATE_STATUS_LABEL, type ComponentStatus, type Impact, type IncidentStatus } from '@/lib/domain/status';
import { ActionForm } from '@/components/admin/action-form';
import { ComponentPicker, type PickerGroup } from '@/components/admin/component-picker';
import { MarkdownEditor } from '@/components/admin/markdown-editor';
import { Checkbox, Field, Select } from '@/components/ui/fields';
import { TranslationFields } from '@/components/admin/translation-fields';
import type { Translations } from '@/lib/domain/localize';

export interface UpdateTemplate {
  id: string;
  name: string;
  status: IncidentStatus;
  body: string;
  componentStatuses: { id: string; status: ComponentStatus }[];
  /** The template's body per language (issue #15). */
  translations?: Translations;
}

/**
 * The "post an update" form of an open incident: status, impact, component changes for many
 * components at once, and the text; templates written for one of the next statuses fill it.
 */
export function UpdateComposer({
  action,
  preview,
  incidentId,
  current,
  statuses,
  impact,
  groups,
  templates,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  preview: (source: string) => Promise<string>;
  incidentId: string;
  current: IncidentStatus;
  statuses: readonly IncidentStatus[];
  impact: Impact;
  groups: PickerGroup[];
  templates: UpdateTemplate[];
}) {
  const offered = templates.filter((t) => statuses.includes(t.status));
  const [template, setTemplate] = useState<UpdateTemplate | undefined>();
  return (
    <div className="space-y-4">
      {offered.length > 0 && (
        <Field label="Use a template" htmlFor="update-template" help="Templates for the statuses this incident can move to.">
          <Select id="update-template" value={template?.id ?? ''} onChange={(e) => setTemplate(offered.find((t) => t.id === e.target.value))}>
            <option value="">No template</option>
            {offered.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({UPDATE_STATUS_LABEL[t.status]})
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div key={template?.id ?? 'blank'}>
        <ActionForm action={action} submitLabel="Post update" pendingLabel="Posting…">
          <input type="hidden" name="incidentId" value={incidentId} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Status" htmlFor="update-status">
              <Select id="update-status" name="status" defaultValue={template?.status ?? current}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {UPDATE_STATUS_LABEL[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Impact" htmlFor="update-impact" help="Keep automatic unless the components understate it.">
              <Select id="update-impact" name="impactOverride" defaultValue="auto">
                <option value="auto">Automatic (currently {IMPACT_LABEL[impact]})</option>
                {IMPACTS.map((i) => (
                  <option key={i} value={i}>
                    {IMPACT_LABEL[i]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <ComponentPicker
            groups={groups}
            legend="Component changes"
            idPrefix="update-component"
            defaults={Object.fromEntries((template?.componentStatuses ?? []).map((c) => [c.id, c.status]))}
          />
          <MarkdownEditor id="update-body" name="body" label="Message" preview={preview} defaultValue={template?.body ?? ''} required />
          <TranslationFields idPrefix="update" fields={[{ field: 'body', multiline: true, maxLength: 50_000 }]} values={template?.translations} />
          <Checkbox name="notify" label="Notify subscribers" defaultChecked />
        </ActionForm>
      </div>
    </div>
  );
}
