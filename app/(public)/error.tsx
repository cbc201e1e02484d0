'use client';

/** Shown when a public page cannot be read (e.g. the database is unreachable). */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950/40">
      <h1 className="text-lg font-semibold">The status page could not be loaded</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
        We could not read the current status just now. This is a problem on our side, not with your connection.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900"
      >
        Try again
      </button>
    </section>
  );
}
