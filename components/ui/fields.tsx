/** Form primitives with consistent labels, help text and focus styles. No domain knowledge. */

import { FieldError } from '@/components/ui/form-state';

const control =
  'mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-neutral-900 focus:outline-2 focus:outline-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:outline-neutral-100';

/**
 * A labelled control. With `name` (the field's name in the form and in the action's errors),
 * a refused submission shows its error under the control, worded with this label.
 */
export function Field({ label, htmlFor, help, name, children }: { label: string; htmlFor: string; help?: string; name?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {name && <FieldError name={name} label={label} id={`${htmlFor}-error`} />}
      {help && <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">{help}</p>}
    </div>
  );
}

export function TextInput(props: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${control} ${props.className ?? ''}`} />;
}

export function TextArea(props: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={`${control} font-mono ${props.className ?? ''}`} />;
}

export function Select(props: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${control} ${props.className ?? ''}`} />;
}

export function Checkbox({ label, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" {...props} className="h-4 w-4 rounded border-neutral-400" />
      {label}
    </label>
  );
}

const buttonStyles = {
  primary: 'bg-neutral-900 text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300',
  secondary:
    'border border-neutral-300 bg-white text-neutral-900 hover:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

export function Button({
  variant = 'primary',
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof buttonStyles }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center justify-center rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-neutral-900 disabled:opacity-50 ${buttonStyles[variant]} ${props.className ?? ''}`}
    />
  );
}
