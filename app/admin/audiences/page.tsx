import type { Metadata } from 'next';
import { hasRole, operatorActor, requireOperator } from '@/lib/auth/require-operator';
import { SUPPORT_LEVEL_LABELS } from '@/lib/domain/support-levels';
import { requestContext } from '@/lib/services/context';
import { listAudiences } from '@/lib/services/list-audiences';
import { addMemberAction, createAudienceAction, deleteAudienceAction, removeMemberAction, updateAudienceAction } from '@/app/admin/actions/audiences';
import { ActionForm } from '@/components/admin/action-form';
import { AudienceFields } from '@/components/admin/audiences/audience-fields';
import { Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Audiences' };

export default async function AudiencesPage() {
  const operator = await requireOperator('responder');
  const ctx = await requestContext(operatorActor(operator));
  const { audiences, components, groups } = await listAudiences({ ctx });
  const canManage = hasRole(operator, 'admin');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Audiences</h1>
        <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
          Customer organisations whose members sign in to the status page with a link sent by email. They see the public page plus the components and incidents limited to them.
        </p>
      </div>
      {audiences.length === 0 ? (
        <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
          No audiences yet. Every component and incident is public.
        </p>
      ) : (
        <ul className="space-y-4" aria-label="Audiences">
          {audiences.map((a) => (
            <li key={a.id} className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800" data-audience={a.name}>
              <h2 className="text-lg font-semibold">
                {a.name} <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">· {SUPPORT_LEVEL_LABELS[a.support_level]}</span>
              </h2>
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                {a.componentIds.length} private component{a.componentIds.length === 1 ? '' : 's'} · {a.members.length} member{a.members.length === 1 ? '' : 's'}
                {a.emailDomains.length > 0 && <> · sign-in open to {a.emailDomains.map((d) => `@${d}`).join(', ')}</>}
              </p>
              <h3 className="mt-4 text-sm font-semibold">Members</h3>
              {a.members.length === 0 ? (
                <p className="text-sm text-neutral-600 dark:text-neutral-400">No members yet.</p>
              ) : (
                <ul className="mt-1 divide-y divide-neutral-200 text-sm dark:divide-neutral-800" aria-label={`Members of ${a.name}`}>
                  {a.members.map((m) => (
                    <li key={m.id} className="flex items-center justify-between gap-3 py-1">
                      <span className="min-w-0 truncate">{m.email}</span>
                      {canManage && (
                        <ActionForm action={removeMemberAction} submitLabel="Remove" submitAriaLabel={`Remove ${m.email}`} variant="secondary" confirm={`Remove ${m.email}? They are signed out everywhere at once.`} className="">
                          <input type="hidden" name="id" value={m.id} />
                        </ActionForm>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {canManage && (
                <>
                  <ActionForm action={addMemberAction} submitLabel="Add member" className="mt-3 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="audienceId" value={a.id} />
                    <Field label="Member email" htmlFor={`member-${a.id}`} name="email">
                      <TextInput id={`member-${a.id}`} name="email" type="email" required className="min-w-64" />
                    </Field>
                  </ActionForm>
                  <details className="mt-4">
                    <summary className="cursor-pointer text-sm font-medium">Edit {a.name}</summary>
                    <ActionForm action={updateAudienceAction} submitLabel="Save audience" className="mt-3 space-y-4">
                      <input type="hidden" name="id" value={a.id} />
                      <AudienceFields prefix={`edit-${a.id}`} values={{ name: a.name, supportLevel: a.support_level, emailDomains: a.emailDomains, componentIds: a.componentIds, groupIds: a.groupIds }} components={components} groups={groups} />
                    </ActionForm>
                    <ActionForm action={deleteAudienceAction} submitLabel="Delete audience" submitAriaLabel={`Delete ${a.name}`} variant="danger" confirm={`Delete ${a.name}? Its private components become public.`} className="mt-3">
                      <input type="hidden" name="id" value={a.id} />
                    </ActionForm>
                  </details>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <section aria-labelledby="add-audience" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="add-audience" className="mb-3 font-semibold">Add an audience</h2>
          <ActionForm action={createAudienceAction} submitLabel="Add audience">
            <AudienceFields prefix="new" components={components} groups={groups} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
