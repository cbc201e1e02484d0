import { notFound } from 'next/navigation';
import { requireOperator } from '@/lib/auth/require-operator';

/** Any unknown console address: signed-out visitors go to sign in, operators see the console's 404. */
export default async function MissingAdminPage(): Promise<never> {
  await requireOperator('responder');
  notFound();
}
