import type { EndpointDoc } from '@/components/api-docs/endpoints';

/** One endpoint: method, path (a link to try it), what it returns and its top-level keys. */
export function ApiEndpoint({ endpoint, base }: { endpoint: EndpointDoc; base: string }) {
  return (
    <section
      aria-labelledby={`ep-${endpoint.path}`}
      className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h3 id={`ep-${endpoint.path}`} className="font-semibold">
        {endpoint.title}
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
          GET
        </span>
        <a href={endpoint.path} className="break-all underline underline-offset-2">
          {base}
          {endpoint.path}
        </a>
      </p>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">{endpoint.description}</p>
      <p className="mt-2 flex flex-wrap gap-x-2 text-xs text-neutral-600 dark:text-neutral-400">
        Keys: {endpoint.keys.map((k) => <code key={k} className="break-all">{k}</code>)}
      </p>
    </section>
  );
}
