/**
 * Placeholder contract for admin pages until operator sign-in lands (issue 3):
 * `requireOperator(role)` returns the signed-in operator or redirects to /admin/login.
 * The real implementation replaces this file; callers keep the same signature.
 */
export interface Operator {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'responder';
}

export async function requireOperator(_role: Operator['role'] = 'responder'): Promise<Operator> {
  throw new Error('Operator sign-in is not implemented yet');
}
