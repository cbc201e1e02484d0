'use client';

import { startTransition, useActionState, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ActionState } from '@/lib/auth/admin-action';
import { Button } from '@/components/ui/fields';
import { FormStateContext } from '@/components/ui/form-state';
import { useToast } from '@/components/admin/toaster';

/** What the form says on its own; English (the console's) unless a page in another language passes its words. */
export interface ActionFormTexts {
  correctFields: string;
  copy: string;
  copied: string;
}

const ENGLISH: ActionFormTexts = { correctFields: 'Please correct the fields marked above.', copy: 'Copy', copied: 'Copied' };

/** Copies a shown-once value; says so for a moment. */
function CopyButton({ value, name, texts }: { value: string; name: string; texts: ActionFormTexts }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      className="px-2 py-1 text-xs"
      aria-label={name}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        });
      }}
    >
      {copied ? texts.copied : texts.copy}
    </Button>
  );
}

/** A confirmation this long carries something to read or copy: it stays in the form, not in a toast. */
const INLINE_MESSAGE_LENGTH = 90;

/**
 * A form bound to an admin server action: shows progress while it runs, then the result — a
 * confirmation toast, or each error next to its field (named as the label names it) with what
 * was typed kept. Works without JavaScript too (the browser then posts and shows the page).
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = 'Saving…',
  variant = 'primary',
  className = 'space-y-4',
  children,
  confirm,
  submitAriaLabel,
  submitClassName,
  noSubmit = false,
  texts = ENGLISH,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
  children?: React.ReactNode;
  confirm?: string;
  submitAriaLabel?: string;
  submitClassName?: string;
  /** The children hold their own submit buttons (e.g. one per choice). */
  noSubmit?: boolean;
  texts?: ActionFormTexts;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const toast = useToast();
  const [unplaced, setUnplaced] = useState<[string, string][]>([]);
  const inlineMessage = !!state.message && !state.error && (!toast || state.message.length > INLINE_MESSAGE_LENGTH || !!state.list || !!state.reveal);

  // Errors for fields the form shows go next to them; mark those inputs invalid; the rest stay in the summary.
  useLayoutEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    const missing: [string, string][] = [];
    for (const [key, message] of Object.entries(state.fields ?? {})) {
      const placed = form.querySelector(`[data-error-for="${CSS.escape(key)}"]`);
      if (!placed) missing.push([key, message]);
      const input = form.querySelector(`[name="${CSS.escape(key)}"]`);
      if (input && placed) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', placed.id);
      }
    }
    setUnplaced(missing);
  }, [state]);

  useEffect(() => {
    if (state.ok && !state.error) {
      formRef.current?.reset();
      if (state.message && !inlineMessage) toast?.(state.message);
    } else if (state.error) {
      (formRef.current?.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
    }
  }, [state, toast, inlineMessage]);

  const hasFieldErrors = Object.keys(state.fields ?? {}).length > 0;
  return (
    <FormStateContext.Provider value={state}>
      <form
        ref={formRef}
        action={formAction}
        className={className}
        onSubmit={(event) => {
          event.preventDefault();
          if (confirm && !window.confirm(confirm)) return;
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          const data = new FormData(event.currentTarget, submitter);
          // Submitted by hand so the browser keeps what was typed when the action refuses it.
          startTransition(() => formAction(data));
        }}
      >
        {children}
        {state.error && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
            <p className="font-medium">{hasFieldErrors && unplaced.length === 0 ? texts.correctFields : state.error}</p>
          </div>
        )}
        {inlineMessage && (
          <div role="status" className="min-w-0 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">
            <p>{state.message}</p>
            {state.list && (
              <ul className="mt-2 grid grid-cols-2 gap-1 font-mono text-base" aria-label="Items">
                {state.list.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            {state.reveal?.map((item) => (
              <div key={item.label} className="mt-3">
                <div className="flex items-center justify-between gap-2">
                  <p className="font-medium">{item.label}</p>
                  <CopyButton value={item.value} name={item.copyLabel ?? `Copy ${item.label}`} texts={texts} />
                </div>
                <pre data-reveal={item.label} className="mt-1 rounded border border-green-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] text-neutral-900 dark:border-green-900 dark:bg-neutral-950 dark:text-neutral-100">
                  {item.value}
                </pre>
              </div>
            ))}
          </div>
        )}
        {!noSubmit && (
          <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} aria-label={submitAriaLabel} className={submitClassName}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        )}
      </form>
    </FormStateContext.Provider>
  );
}
