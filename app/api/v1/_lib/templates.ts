/** How template routes name the service's fields in errors: the template's status is its update's. */
export const TEMPLATE_OPTIONS = { wrapper: 'template', fields: { status: 'update_status', componentIds: 'component_ids' } };
