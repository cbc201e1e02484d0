import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">It needs the admin role. Ask an admin if you need it.</p>
      <p className="mt-6">
        <Link href="/admin" className="font-medium underline underline-offset-2">
          Back to the console
        </Link>
      </p>
    </main>
  );
}
