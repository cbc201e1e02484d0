/** Shown while a public page is read; shapes only, so nothing jumps when data arrives. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading the status page…</span>
      <div className="mb-6 h-9 w-48 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-14 rounded-lg bg-neutral-200 dark:bg-neutral-800" />
      <div className="mt-8 space-y-3">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-16 rounded-lg bg-neutral-200 dark:bg-neutral-800" />
        ))}
      </div>
    </div>
  );
}
