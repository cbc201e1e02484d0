import Link from 'next/link';

/** A console page the operator's role does not open (403), inside the console frame so the navigation stays. */
export default function AdminForbidden() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium text-neutral-600 dark:text-neutral-400">403</p>
      <h1 className="mt-1 text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">It needs the admin role. Ask an admin if you need it.</p>
      <p className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2">
        <Link href="/admin" className="font-medium underline underline-offset-2">
          Dashboard
        </Link>
        <Link href="/admin/incidents" className="font-medium underline underline-offset-2">
          Incidents
        </Link>
      </p>
    </div>
  );
}
