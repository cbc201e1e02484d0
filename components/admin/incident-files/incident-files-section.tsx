import type { IncidentFileRecord } from '@/lib/db/queries/incident-files';
import { FILE_KINDS, formatBytes } from '@/lib/domain/file-types';
import { deleteIncidentFileAction, setIncidentFileAudiencesAction } from '@/app/admin/actions/incident-files';
import { ActionForm } from '@/components/admin/action-form';
import { FileUploadForm } from '@/components/admin/incident-files/file-upload-form';
import { LocalTime } from '@/components/ui/local-time';

interface Props {
  incidentId: string;
  files: readonly IncidentFileRecord[];
  incidentAudiences: readonly { id: string; name: string }[];
  audiences: readonly { id: string; name: string }[];
  maxBytes: number;
  timeZone: string;
}

const card = 'rounded-lg border border-neutral-200 p-4 dark:border-neutral-800';

/** The admin incident page's "Files": what is attached, who may download each, and an upload form. */
export function IncidentFilesSection({ incidentId, files, incidentAudiences, audiences, maxBytes, timeZone }: Props) {
  return (
    <section aria-labelledby="files" className={card} data-section="files">
      <h2 id="files" className="text-lg font-semibold">Files</h2>
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        Traces and reports for the customers who asked. Members of the chosen audiences see them on this incident&apos;s page and download them through a link that is theirs alone and lasts 10 minutes; a file&apos;s name here downloads it for you. Every download, a member&apos;s or an operator&apos;s, is in the audit log.
      </p>
      {files.length === 0 ? (
        <p className="mb-4 text-sm">No files yet.</p>
      ) : (
        <ul className="mb-6 divide-y divide-neutral-200 border-y border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {files.map((f) => (
            <li key={f.id} className="space-y-3 py-3" data-file={f.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="min-w-0 font-medium break-all">
                  <a href={`/admin/incidents/${incidentId}/files/${f.id}`} download={f.name} className="underline underline-offset-2" aria-label={`Download ${f.name}`}>
                    {f.name}
                  </a>
                </p>
                <p className="text-sm text-neutral-600 dark:text-neutral-400">
                  {FILE_KINDS[f.kind].label} · {formatBytes(f.size)} · <LocalTime iso={f.createdAt} timeZone={timeZone} />
                </p>
              </div>
              <p className="text-xs break-all text-neutral-600 dark:text-neutral-400">
                Uploaded by {f.uploadedBy} · SHA-256 <span className="font-mono">{f.sha256}</span>
              </p>
              <div className="flex flex-wrap items-end justify-between gap-3">
                <ActionForm action={setIncidentFileAudiencesAction} submitLabel="Save audiences" submitAriaLabel={`Save audiences of ${f.name}`} variant="secondary" className="space-y-2">
                  <input type="hidden" name="fileId" value={f.id} />
                  <input type="hidden" name="incidentId" value={incidentId} />
                  <fieldset>
                    <legend className="text-sm font-medium">Who may download {f.name}</legend>
                    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                      {audiences.map((a) => (
                        <label key={a.id} className="flex min-h-6 items-center gap-2 text-sm">
                          <input type="checkbox" name="audienceIds[]" value={a.id} defaultChecked={f.audiences.some((x) => x.id === a.id)} className="h-4 w-4 rounded border-neutral-400" />
                          {a.name}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </ActionForm>
                <ActionForm action={deleteIncidentFileAction} submitLabel="Delete" submitAriaLabel={`Delete ${f.name}`} pendingLabel="Deleting…" variant="danger" confirm={`Delete ${f.name}? Members can no longer download it.`}>
                  <input type="hidden" name="fileId" value={f.id} />
                  <input type="hidden" name="incidentId" value={incidentId} />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-2 font-semibold">Attach a file</h3>
      <FileUploadForm incidentId={incidentId} incidentAudiences={incidentAudiences} audiences={audiences} maxBytes={maxBytes} />
    </section>
  );
}
