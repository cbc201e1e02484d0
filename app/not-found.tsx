import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">This page does not exist.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium underline underline-offset-2">
          Current status
        </Link>
      </p>
    </main>
  );
}
