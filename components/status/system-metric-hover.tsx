'use client';

import { useLocale } from 'next-intl';
import { useState } from 'react';
import { formatMetricValue } from '@/lib/domain/system-metrics/definition';
import { viewClock } from '@/components/status/metric-time';

/**
 * Hover values for a server-drawn metric chart: the interval under the pointer gets a marker and
 * a tooltip with its time and value. The chart and its data table work without this (JavaScript
 * off); it only adds the value under the pointer. `values[i]` is interval i's value, null without data.
 */
export function SystemMetricHover({
  start,
  interval,
  timeZone,
  values,
  min,
  max,
  decimalPlaces,
  suffix,
  children,
}: {
  start: number;
  interval: number;
  timeZone: string;
  values: (number | null)[];
  min: number;
  max: number;
  decimalPlaces: number;
  suffix: string;
  children: React.ReactNode;
}) {
  const [index, setIndex] = useState<number | null>(null);
  const count = values.length;
  const onPointer = (e: React.PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const at = Math.round(((e.clientX - box.left) / Math.max(1, box.width)) * (count - 1));
    // The nearest interval with data within a few of the pointer, so small gaps do not flicker.
    let best: number | null = null;
    for (let d = 0; d <= 3 && best === null; d++) {
      if (values[at - d] != null) best = at - d;
      else if (values[at + d] != null) best = at + d;
    }
    setIndex(best);
  };
  const value = index === null ? null : (values[index] ?? null);
  const left = index === null ? 0 : (index / Math.max(1, count - 1)) * 100;
  const top = value === null || max === min ? 50 : (1 - (Math.min(max, Math.max(min, value)) - min) / (max - min)) * 100;
  const clock = viewClock(start, start + count * interval, timeZone, useLocale());
  return (
    <div className="relative h-full w-full" onPointerMove={onPointer} onPointerLeave={() => setIndex(null)}>
      {children}
      {index !== null && value !== null && (
        <>
          <div className="pointer-events-none absolute inset-y-0 w-px bg-neutral-400 dark:bg-neutral-500" style={{ left: `${left}%` }} />
          <div
            className="pointer-events-none absolute h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-sky-600 dark:border-neutral-900 dark:bg-sky-400"
            style={{ left: `${left}%`, top: `${top}%` }}
          />
          <div
            data-metric-tooltip=""
            className="pointer-events-none absolute -top-8 z-10 whitespace-nowrap rounded bg-neutral-900 px-2 py-1 text-xs text-white shadow dark:bg-neutral-100 dark:text-neutral-900"
            style={left > 60 ? { right: `${100 - left}%` } : { left: `${left}%` }}
          >
            {clock.dateTime(start + index * interval)} · <strong>{formatMetricValue(value, { decimalPlaces, suffix })}</strong>
          </div>
        </>
      )}
    </div>
  );
}
