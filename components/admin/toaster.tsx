'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

interface Toast {
  id: number;
  text: string;
}

const ToastContext = createContext<((text: string) => void) | null>(null);

/** How long a confirmation stays up (paused while the pointer or focus is on it). */
const TOAST_MS = 8_000;

/** The hook forms use to confirm an action; null outside the console frame (forms then confirm inline). */
export function useToast() {
  return useContext(ToastContext);
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDone(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [paused, toast.id, onDone]);
  return (
    <div
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="pointer-events-auto flex items-start gap-3 rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-950 shadow-lg dark:border-green-800 dark:bg-green-950 dark:text-green-100"
    >
      <span aria-hidden="true">✓</span>
      {/* The message alone is the status, so it reads (and is announced) without the icon or the dismiss button. */}
      <p role="status" className="flex-1">
        {toast.text}
      </p>
      <button type="button" onClick={() => onDone(toast.id)} className="-my-1 rounded px-1 text-green-900 underline-offset-2 hover:underline dark:text-green-200" aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

/**
 * Confirmation toasts for the console: one at a time per message, newest last, at the bottom
 * of the screen, each announced politely (role=status) and gone after a few seconds.
 */
export function Toaster({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const push = useCallback((text: string) => {
    setToasts((list) => [...list.filter((t) => t.text !== text).slice(-2), { id: next.current++, text }]);
  }, []);
  const done = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 mx-auto flex max-w-md flex-col gap-2 px-4 sm:end-4 sm:start-auto sm:mx-0">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDone={done} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}
