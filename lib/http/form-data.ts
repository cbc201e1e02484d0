/**
 * The form a server action was called with. A hand-made request can send any value as the
 * "form" (a string, a number, an object); treat anything but FormData as an empty form, so the
 * action answers with its usual "is required" messages instead of failing.
 */
export function formDataOf(form: unknown): FormData {
  return form instanceof FormData ? form : new FormData();
}
