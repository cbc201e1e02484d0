'use client';

import { useEffect, useState } from 'react';
import { TextArea } from '@/components/ui/fields';

/**
 * A markdown textarea with a live preview rendered by the server's own sanitizer, so the
 * operator sees exactly what the public page will show.
 */
export function MarkdownEditor({
  name,
  id,
  label,
  defaultValue = '',
  rows = 6,
  required = false,
  preview,
}: {
  name: string;
  id: string;
  label: string;
  defaultValue?: string;
  rows?: number;
  required?: boolean;
  preview: (source: string) => Promise<string>;
}) {
  const [source, setSource] = useState(defaultValue);
  const [html, setHtml] = useState('');
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      preview(source)
        .then((rendered) => current && setHtml(rendered))
        .catch(() => current && setHtml('<p><em>Preview unavailable.</em></p>'));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, preview]);

  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label} <span className="font-normal text-neutral-600 dark:text-neutral-400">(markdown)</span>
        </label>
        <TextArea id={id} name={name} rows={rows} required={required} value={source} onChange={(e) => setSource(e.target.value)} />
      </div>
      <div>
        <p className="text-sm font-medium" id={`${id}-preview-label`}>
          Preview
        </p>
        <div
          aria-labelledby={`${id}-preview-label`}
          aria-live="polite"
          data-testid={`${id}-preview`}
          className="markdown mt-1 min-h-24 rounded-md border border-dashed border-neutral-300 p-3 text-sm dark:border-neutral-700"
          dangerouslySetInnerHTML={{ __html: html || '<p class="text-neutral-600 dark:text-neutral-400">Nothing to preview yet.</p>' }}
        />
      </div>
    </div>
  );
}
