import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { OperatorRole } from '@/lib/db/schema';
import type { Actor } from '@/lib/services/context';
import { requestContext } from '@/lib/services/context';
import type { PublicOperator } from '@/lib/services/create-operator';
import { getSessionOperator } from '@/lib/services/get-session-operator';
import { getPageSettings } from '@/lib/db/queries/page-settings';

export const SESSION_COOKIE = 'beacon_session';

export type Operator = PublicOperator;

/** The signed-in operator of this request, read once per request. */
export const currentOperator = cache(async (): Promise<Operator | undefined> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSessionOperator({ ctx: await requestContext(), token });
});

/** True when `operator` holds `role` (admins hold every role). */
export function hasRole(operator: Pick<Operator, 'role'>, role: OperatorRole): boolean {
  return role === 'responder' || operator.role === 'admin';
}

/** Where an operator sets up a second factor (the only console page open to one who must and has not). */
export const ENROL_PATH = '/admin/account/two-factor';

/** True when the page requires a second factor and this operator has none yet. */
export const mustEnrolSecondFactor = cache(async (operator: Operator): Promise<boolean> => {
  if (operator.totp_enabled_at) return false;
  const { db } = await requestContext();
  return (await getPageSettings(db)).require_two_factor;
});

/**
 * Every admin page and action calls this first: returns the operator, sends anonymous
 * visitors to the sign-in page and answers 403 to an operator without the role. When the page
 * requires a second factor, an operator without one is sent to enrol (`enrolling` is for the
 * enrolment page and the sign-out itself).
 */
export async function requireOperator(role: OperatorRole = 'responder', { enrolling = false }: { enrolling?: boolean } = {}): Promise<Operator> {
  const operator = await currentOperator();
  if (!operator) redirect('/admin/login');
  if (!enrolling && (await mustEnrolSecondFactor(operator))) redirect(ENROL_PATH);
  if (!hasRole(operator, role)) forbidden();
  return operator;
}

/** The actor for an operator: named for the audit log, with the role the services check. */
export function operatorActor(operator: Operator): Actor {
  return { type: 'operator', id: operator.id, name: `${operator.name} <${operator.email}>`, role: operator.role };
}
