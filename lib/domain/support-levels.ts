/** An audience's support level, lowest first (what each is promised grows with it). */
export const SUPPORT_LEVELS = ['standard', 'business', 'enterprise'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/** Display names, for the console and the member's page. */
export const SUPPORT_LEVEL_LABELS: Record<SupportLevel, string> = { standard: 'Standard', business: 'Business', enterprise: 'Enterprise' };
