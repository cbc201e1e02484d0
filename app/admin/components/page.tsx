import type { Metadata } from 'next';
import { hasRole, requireOperator } from '@/lib/auth/require-operator';
import { COMPONENT_STATUS_LABEL, COMPONENT_STATUSES } from '@/lib/domain/status';
import { requestContext } from '@/lib/services/context';
import { listComponentCatalog } from '@/lib/services/list-component-choices';
import {
  archiveComponentAction,
  createComponentAction,
  createGroupAction,
  moveAction,
  setStatusAction,
  updateComponentAction,
  updateGroupAction,
} from '@/app/admin/actions/components';
import { TranslationFields } from '@/components/admin/translation-fields';
import { ActionForm } from '@/components/admin/action-form';
import { STATUS_TEXT } from '@/components/status/status-style';
import { Checkbox, Field, Select, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Components' };

function MoveButtons({ kind, id, name }: { kind: 'component' | 'group'; id: string; name: string }) {
  return (
    <div className="flex gap-1">
      {(['up', 'down'] as const).map((direction) => (
        <ActionForm key={direction} action={moveAction} submitLabel={direction === 'up' ? '↑' : '↓'} submitAriaLabel={`Move ${name} ${direction}`} variant="secondary" className="">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value={direction} />
        </ActionForm>
      ))}
    </div>
  );
}

export default async function ComponentsPage() {
  const operator = await requireOperator('responder');
  const admin = hasRole(operator, 'admin');
  const ctx = await requestContext();
  const { groups, components, translations } = await listComponentCatalog({ ctx });
  const sections = [...groups.map((g) => ({ id: g.id, name: g.name, description: g.description })), { id: null, name: 'Ungrouped', description: null }];

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Components</h1>
      {sections.map((section) => {
        const members = components.filter((c) => c.group_id === section.id);
        if (section.id === null && members.length === 0) return null;
        return (
          <section key={section.id ?? 'none'} aria-labelledby={`group-${section.id ?? 'none'}`} className="rounded-lg border border-neutral-200 dark:border-neutral-800">
            <div className="flex items-center justify-between gap-3 border-b border-neutral-200 px-4 py-2 dark:border-neutral-800">
              <h2 id={`group-${section.id ?? 'none'}`} className="font-semibold">{section.name}</h2>
              {admin && section.id && <MoveButtons kind="group" id={section.id} name={section.name} />}
            </div>
            {admin && section.id && (
              <details className="border-b border-neutral-200 px-4 py-2 dark:border-neutral-800">
                <summary className="cursor-pointer text-sm underline underline-offset-2">Edit group {section.name}</summary>
                <div className="mt-3 max-w-xl">
                  <ActionForm action={updateGroupAction} submitLabel="Save group">
                    <input type="hidden" name="id" value={section.id} />
                    <Field label="Name" htmlFor={`group-name-${section.id}`}>
                      <TextInput id={`group-name-${section.id}`} name="name" defaultValue={section.name} required />
                    </Field>
                    <Field label="Description" htmlFor={`group-description-${section.id}`}>
                      <TextInput id={`group-description-${section.id}`} name="description" defaultValue={section.description ?? ''} />
                    </Field>
                    <TranslationFields idPrefix={`group-${section.id}`} fields={[{ field: 'name' }]} values={translations.groups.get(section.id)} />
                  </ActionForm>
                </div>
              </details>
            )}
            {members.length === 0 && <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">No components in this group.</p>}
            <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
              {members.map((c) => (
                <li key={c.id} className="space-y-2 px-4 py-3" data-component={c.id}>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <div>
                      <p className="font-medium">{c.name}</p>
                      <p className={`text-sm ${STATUS_TEXT[c.status]}`}>{COMPONENT_STATUS_LABEL[c.status]}</p>
                    </div>
                    <div className="flex flex-wrap items-end gap-2">
                      <ActionForm action={setStatusAction} submitLabel="Set status" variant="secondary" className="flex items-end gap-2">
                        <input type="hidden" name="id" value={c.id} />
                        <label className="sr-only" htmlFor={`status-${c.id}`}>Status of {c.name}</label>
                        <Select id={`status-${c.id}`} name="status" defaultValue={c.status} className="mt-0 w-48">
                          {COMPONENT_STATUSES.map((s) => (
                            <option key={s} value={s}>{COMPONENT_STATUS_LABEL[s]}</option>
                          ))}
                        </Select>
                      </ActionForm>
                      {admin && <MoveButtons kind="component" id={c.id} name={c.name} />}
                    </div>
                  </div>
                  {admin && (
                    <details>
                      <summary className="cursor-pointer text-sm underline underline-offset-2">Edit {c.name}</summary>
                      <div className="mt-3 grid gap-4 md:grid-cols-2">
                        <ActionForm action={updateComponentAction} submitLabel="Save component">
                          <input type="hidden" name="id" value={c.id} />
                          <Field label="Name" htmlFor={`name-${c.id}`}>
                            <TextInput id={`name-${c.id}`} name="name" defaultValue={c.name} required />
                          </Field>
                          <Field label="Description" htmlFor={`description-${c.id}`}>
                            <TextInput id={`description-${c.id}`} name="description" defaultValue={c.description ?? ''} />
                          </Field>
                          <Field label="Group" htmlFor={`group-of-${c.id}`}>
                            <Select id={`group-of-${c.id}`} name="groupId" defaultValue={c.group_id ?? ''}>
                              <option value="">No group</option>
                              {groups.map((g) => (
                                <option key={g.id} value={g.id}>{g.name}</option>
                              ))}
                            </Select>
                          </Field>
                          <Checkbox name="showcase" label="Show 90-day uptime bars" defaultChecked={c.showcase} />
                          <Checkbox name="onlyShowIfDegraded" label="Only show while not operational" defaultChecked={c.only_show_if_degraded} />
                          <TranslationFields
                            idPrefix={`component-${c.id}`}
                            fields={[
                              { field: 'name' },
                              { field: 'description', maxLength: 2000 },
                            ]}
                            values={translations.components.get(c.id)}
                          />
                        </ActionForm>
                        <div>
                          <p className="mb-3 text-sm">
                            <a href={`/admin/components/${c.id}`} className="inline-flex min-h-6 items-center underline underline-offset-2">Follows a third-party page…</a>
                          </p>
                          <p className="text-sm text-neutral-600 dark:text-neutral-400">
                            Archiving removes the component from the page and the pickers. Its status history and incidents are kept.
                          </p>
                          <ActionForm action={archiveComponentAction} submitLabel={`Archive ${c.name}`} variant="danger" confirm={`Archive ${c.name}?`} className="mt-2">
                            <input type="hidden" name="id" value={c.id} />
                          </ActionForm>
                        </div>
                      </div>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      {admin && (
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="add-component" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
            <h2 id="add-component" className="mb-3 font-semibold">Add a component</h2>
            <ActionForm action={createComponentAction} submitLabel="Add component">
              <Field label="Name" htmlFor="new-component-name">
                <TextInput id="new-component-name" name="name" required />
              </Field>
              <Field label="Description" htmlFor="new-component-description">
                <TextInput id="new-component-description" name="description" />
              </Field>
              <Field label="Group" htmlFor="new-component-group">
                <Select id="new-component-group" name="groupId" defaultValue="">
                  <option value="">No group</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>{g.name}</option>
                  ))}
                </Select>
              </Field>
              <Checkbox name="showcase" label="Show 90-day uptime bars" defaultChecked />
              <Checkbox name="onlyShowIfDegraded" label="Only show while not operational" />
            </ActionForm>
          </section>
          <section aria-labelledby="add-group" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
            <h2 id="add-group" className="mb-3 font-semibold">Add a group</h2>
            <ActionForm action={createGroupAction} submitLabel="Add group">
              <Field label="Name" htmlFor="new-group-name">
                <TextInput id="new-group-name" name="name" required />
              </Field>
              <Field label="Description" htmlFor="new-group-description">
                <TextInput id="new-group-description" name="description" />
              </Field>
            </ActionForm>
          </section>
        </div>
      )}
    </div>
  );
}
