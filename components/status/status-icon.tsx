import type { ComponentStatus } from '@/lib/domain/status';
import { STATUS_TEXT } from '@/components/status/status-style';

const PATHS: Record<ComponentStatus, string> = {
  operational: 'M5 10.5l3 3 7-7',
  under_maintenance: 'M7 6h6M7 10h6M7 14h6',
  degraded_performance: 'M10 5v6M10 14.5v.5',
  partial_outage: 'M10 5v6M10 14.5v.5',
  major_outage: 'M6 6l8 8M14 6l-8 8',
};

/** A small status glyph; shape as well as colour, so status never relies on colour alone. */
export function StatusIcon({ status, className = '' }: { status: ComponentStatus; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={`h-5 w-5 shrink-0 ${STATUS_TEXT[status]} ${className}`}>
      <circle cx="10" cy="10" r="9" fill="currentColor" opacity="0.15" />
      <path d={PATHS[status]} stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" fill="none" />
    </svg>
  );
}
