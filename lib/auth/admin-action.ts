import { forbidden, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { operatorActor, requireOperator, type Operator } from '@/lib/auth/require-operator';
import { CrossOriginError, assertSameOrigin } from '@/lib/auth/same-origin';
import { requestContext, type ServiceContext } from '@/lib/services/context';
import { ForbiddenError, fromZodError, toErrorResponse } from '@/lib/services/errors';
import { formToObject } from '@/lib/http/form-data';
import { isAllowed, type Permission } from '@/lib/domain/permissions';

/** What an admin form shows after submitting: a message, or an error with the fields named. */
export interface ActionState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
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
) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    // Validation errors for a non-form body come from the schema, like any other bad input.
    try {
      await assertSameOrigin();
      const operator = await requireOperator();
      // The role table decides before the form is read, so a refused caller learns nothing from validation.
      if (!isAllowed(operator.role, permission)) forbidden();
      const parsed = schema.safeParse(formToObject(form));
      if (!parsed.success) {
        const error = fromZodError(parsed.error);
        return { error: error.message, fields: error.fields };
      }
      const ctx = await requestContext(operatorActor(operator));
      return (await fn(parsed.data, ctx, operator)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ForbiddenError) forbidden();
      if (error instanceof CrossOriginError) return { error: error.message };
      const { body } = toErrorResponse(error);
      return { error: body.error.message, fields: body.error.fields };
    }
  };
}
