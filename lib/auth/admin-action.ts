import { forbidden, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { operatorActor, requireOperator, type Operator } from '@/lib/auth/require-operator';
import { CrossOriginError, assertSameOrigin } from '@/lib/auth/same-origin';
import { requestContext, type ServiceContext } from '@/lib/services/context';
import { actionError } from '@/lib/http/error-response';
import { ForbiddenError, fromZodError } from '@/lib/services/errors';
import { formDataOf, formToObject } from '@/lib/http/form-data';
import { isAllowed, type Permission } from '@/lib/domain/permissions';

/** What an admin form shows after submitting: a message, or an error with the fields named. */
export interface ActionState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  /** What the operator typed, sent back so a refused form keeps it (never passwords or codes). */
  values?: Record<string, string>;
  /** Items to show once under the message, e.g. recovery codes. */
  list?: string[];
  /** Values shown once, each with a copy button, e.g. a new secret and the configuration it goes in. */
  reveal?: { label: string; value: string; /** The copy button's name, when not "Copy <label>" (a page in another language). */ copyLabel?: string }[];
}

/** Field names whose typed values are never sent back to the browser. */
const SECRET_FIELD = /password|code|token|secret/i;

/** The typed values of a form, less secrets, for a refused form to show again. */
export function typedValues(form: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formDataOf(form).entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !SECRET_FIELD.test(key) && value.length <= 5000) values[key] = value;
  }
  return values;
}

/**
 * A server action for the admin console: checks the origin and the session itself (never
 * trusting the layout), refuses with 403 a role that lib/domain/permissions.ts does not allow
 * `permission` (before reading the form; the services check the same table again), validates
 * the form with zod, runs `fn` with a context acting as the operator, and turns any other failure into form state
 * naming the fields.
 */
export function adminAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  fn: (data: z.output<S>, ctx: ServiceContext, operator: Operator) => Promise<ActionState | void>,
  { enrolling = false }: { enrolling?: boolean } = {},
) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    // Validation errors for a non-form body come from the schema, like any other bad input.
    try {
      await assertSameOrigin();
      const operator = await requireOperator('responder', { enrolling });
      // The role table decides before the form is read, so a refused caller learns nothing from validation.
      if (!isAllowed(operator.role, permission)) forbidden();
      const parsed = schema.safeParse(formToObject(form));
      if (!parsed.success) {
        const error = fromZodError(parsed.error);
        return { error: error.message, fields: error.fields, values: typedValues(form) };
      }
      const ctx = await requestContext(operatorActor(operator));
      return (await fn(parsed.data, ctx, operator)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ForbiddenError) forbidden();
      if (error instanceof CrossOriginError) return { error: error.message };
      return { ...actionError(error), values: typedValues(form) };
    }
  };
}
