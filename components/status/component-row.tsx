import type { ReactNode } from 'react';
import { COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import type { ComponentView } from '@/lib/services/views';
import { StatusIcon } from '@/components/status/status-icon';
import { STATUS_TEXT } from '@/components/status/status-style';
import { UptimeBars } from '@/components/status/uptime-bars';

/**
 * One component: name, current status, and its uptime bars when showcased. `bars`, when given,
 * are bars the server already rendered (a live client list passes them through untouched, so
 * the 90 days' detail never travels as client props).
 */
export function ComponentRow({ component, bars }: { component: ComponentView; bars?: ReactNode }) {
  return (
    <li className="px-4 py-3" data-component={component.id}>
      <div className="flex items-center justify-between gap-3">
        <span className="min-w-0 font-medium break-words">{component.name}</span>
        <span className={`flex shrink-0 items-center gap-1.5 text-sm font-medium ${STATUS_TEXT[component.status]}`}>
          <StatusIcon status={component.status} />
          {COMPONENT_STATUS_LABEL[component.status]}
        </span>
      </div>
      {component.description && (
        <p className="mt-0.5 text-sm text-neutral-600 dark:text-neutral-400">{component.description}</p>
      )}
      {bars ?? (component.uptime && (
        <UptimeBars
          componentId={component.id}
          componentName={component.name}
          days={component.uptime.days}
          percent={component.uptime.percent}
        />
      ))}
    </li>
  );
}
