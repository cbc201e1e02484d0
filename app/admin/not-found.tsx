import Link from 'next/link';

/** A missing console page or record, shown inside the console frame so the navigation stays. */
export default function AdminNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium text-neutral-600 dark:text-neutral-400">404</p>
      <h1 className="mt-1 text-2xl font-bold">Not found in the console</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">
        This page or record does not exist. It may have been deleted, or the address was mistyped.
      </p>
      <p className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2">
        <Link href="/admin" className="font-medium underline underline-offset-2">
          Dashboard
        </Link>
        <Link href="/admin/incidents" className="font-medium underline underline-offset-2">
          Incidents
        </Link>
        <Link href="/admin/audit" className="font-medium underline underline-offset-2">
          Audit log
        </Link>
      </p>
    </div>
  );
}
