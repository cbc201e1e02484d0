'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/fields';
import { useToast } from '@/components/admin/toaster';
import { ACCEPTED_EXTENSIONS, formatBytes } from '@/lib/domain/file-types';

interface Props {
  incidentId: string;
  /** The incident's own audiences (empty: a public incident). */
  incidentAudiences: readonly { id: string; name: string }[];
  audiences: readonly { id: string; name: string }[];
  maxBytes: number;
}

/**
 * Uploads one file to the incident's upload route (a route handler: files are bigger than a
 * server action may carry). A file over the limit is refused here, by name, before it is sent.
 */
export function FileUploadForm({ incidentId, incidentAudiences, audiences, maxBytes }: Props) {
  const router = useRouter();
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const [choice, setChoice] = useState<'incident' | 'audiences'>(incidentAudiences.length > 0 ? 'incident' : 'audiences');
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    setMessage(undefined);
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.name === '') return setError('File: choose a file to upload');
    if (file.size > maxBytes) return setError(`File: ${file.name} is ${formatBytes(file.size)}; files may be at most ${formatBytes(maxBytes)}`);
    setPending(true);
    try {
      const res = await fetch(`/admin/incidents/${incidentId}/files`, { method: 'POST', body: data });
      const body = (await res.json().catch(() => ({}))) as { file?: { name: string; audiences: { name: string }[] }; error?: { message: string } };
      if (!res.ok || !body.file) return setError(body.error?.message ?? `The upload failed (HTTP ${res.status})`);
      const done = `${body.file.name} uploaded for ${body.file.audiences.map((a) => a.name).join(', ')}.`;
      if (toast) toast(done);
      else setMessage(done);
      form.current?.reset();
      router.refresh();
    } catch {
      setError('The upload did not reach the server; try again');
    } finally {
      setPending(false);
    }
  }

  const radio = (value: typeof choice, label: string, disabled = false) => (
    <label className={`flex min-h-6 items-center gap-2 text-sm ${disabled ? 'text-neutral-500 dark:text-neutral-400' : ''}`}>
      <input type="radio" name="visibility" value={value} checked={choice === value} disabled={disabled} onChange={() => setChoice(value)} className="h-4 w-4" />
      {label}
    </label>
  );
  return (
    <form ref={form} onSubmit={upload} className="space-y-4" aria-label="Attach a file" aria-describedby={error ? `${id}-error` : undefined}>
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium">
          File
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept={ACCEPTED_EXTENSIONS.join(',')}
          className="mt-1 block w-full text-sm file:me-3 file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium dark:file:border-neutral-700 dark:file:bg-neutral-900 dark:file:text-neutral-100"
        />
        <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          Network traces (.pcap, .pcapng), PDF reports, text logs (.txt, .log); at most {formatBytes(maxBytes)}. The content must match the extension.
        </p>
      </div>
      <fieldset className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
        <legend className="px-1 text-sm font-medium">Who may download it</legend>
        <div className="space-y-1">
          {radio('incident', incidentAudiences.length > 0 ? `The incident's audiences: ${incidentAudiences.map((a) => a.name).join(', ')}` : "The incident's audiences (none: this incident is public)", incidentAudiences.length === 0)}
          {radio('audiences', 'Only these audiences')}
        </div>
        {choice === 'audiences' && (
          <div className="mt-2 grid gap-x-4 gap-y-1 ps-6 sm:grid-cols-2">
            {audiences.length === 0 && <p className="text-sm">No audiences yet: create one under Audiences first.</p>}
            {audiences.map((a) => (
              <label key={a.id} className="flex min-h-6 items-center gap-2 text-sm">
                <input type="checkbox" name="audienceIds" value={a.id} className="h-4 w-4 rounded border-neutral-400" />
                {a.name}
              </label>
            ))}
          </div>
        )}
        <p className="mt-2 text-xs text-neutral-600 dark:text-neutral-400">Files are never public: only signed-in members of these audiences see and download them.</p>
      </fieldset>
      {error && (
        <p id={`${id}-error`} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      {message && (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Uploading…' : 'Upload file'}
      </Button>
    </form>
  );
}
