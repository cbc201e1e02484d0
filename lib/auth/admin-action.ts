import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { OperatorRole } from '@/lib/db/schema';
import { operatorActor, requireOperator, type Operator } from '@/lib/auth/require-operator';
import { CrossOriginError, assertSameOrigin } from '@/lib/auth/same-origin';
import { requestContext, type ServiceContext } from '@/lib/services/context';
import { fromZodError, toErrorResponse } from '@/lib/services/errors';
import { formToObject } from '@/lib/http/form-data';

/** What an admin form shows after submitting: a message, or an error with the fields named. */
export interface ActionState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
}

/**
 * A server action for the admin console: checks the origin, the session and the role itself
 * (never trusting the layout), validates the form with zod, runs `fn` with an audited context,
 * and turns any failure into form state naming the fields.
 */
export function adminAction<S extends z.ZodType>(
  role: OperatorRole,
  schema: S,
  fn: (data: z.output<S>, ctx: ServiceContext, operator: Operator) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    // Validation errors for a non-form body come from the schema, like any other bad input.
    try {
      await assertSameOrigin();
      const operator = await requireOperator(role);
      const parsed = schema.safeParse(formToObject(form));
      if (!parsed.success) {
        const error = fromZodError(parsed.error);
        return { error: error.message, fields: error.fields };
      }
      const ctx = await requestContext(operatorActor(operator));
      return (await fn(parsed.data, ctx, operator)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof CrossOriginError) return { error: error.message };
      const { body } = toErrorResponse(error);
      return { error: body.error.message, fields: body.error.fields };
    }
  };
}
