import { addSystemMetricPoints } from '@/lib/services/add-system-metric-points';
import type { ServiceContext } from '@/lib/services/context';
import { createSystemMetric, type CreateSystemMetricInput } from '@/lib/services/create-system-metric';
import { rollUpSystemMetrics } from '@/lib/services/roll-up-system-metrics';

const DAY_S = 86_400;
/**
 * A point every 5 minutes for the last two days (as often as the day view draws), every 20 minutes
 * before that for 30 days: 2,500 points per metric, folded to 576 points and ~670 hours.
 */
const STEP_S = 300;
const OLD_STEP_S = 1_200;
const DAYS = 30;

/** A small deterministic random source (mulberry32), so every demo load draws the same charts. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface DemoMetric {
  input: CreateSystemMetricInput;
  /** The value at `t` seconds; `daily` goes 0 → 1 → 0 over the day (peak mid-afternoon UTC), `noise` is 0..1. */
  value: (t: number, daily: number, noise: number) => number;
}

/** Extra latency and failures during a bad evening 9 days ago and the last hours' slowness. */
const incidentWeight = (t: number, now: number) => {
  const ago = (now - t) / 3600;
  if (ago > 9 * 24 - 2 && ago < 9 * 24 + 1) return 1;
  if (ago < 3 && ago > 1) return 0.4;
  return 0;
};

function demoMetrics(now: number): DemoMetric[] {
  return [
    {
      input: {
        name: 'REST API p95 latency',
        suffix: 'ms',
        transform: 'average',
        decimalPlaces: 0,
        yAxisMin: 0,
        tooltipDescription: '95th percentile response time of api.acme-iot.example, measured from three regions.',
      },
      value: (t, daily, noise) => 110 + 45 * daily + 25 * noise + 420 * incidentWeight(t, now),
    },
    {
      input: {
        name: 'Data session success rate',
        suffix: '%',
        transform: 'average',
        decimalPlaces: 2,
        yAxisMax: 100,
        tooltipDescription: 'Share of device data sessions that attached and passed traffic.',
      },
      value: (t, daily, noise) => Math.min(100, 99.93 - 0.05 * daily - 0.04 * noise - 2.6 * incidentWeight(t, now)),
    },
    {
      input: {
        name: 'SMS delivery time',
        suffix: 's',
        transform: 'max',
        decimalPlaces: 1,
        yAxisMin: 0,
        tooltipDescription: 'Slowest mobile-terminated SMS delivery in each interval.',
      },
      value: (t, daily, noise) => 1.8 + 1.2 * daily + 1.5 * noise ** 3 + 9 * incidentWeight(t, now),
    },
  ];
}

/**
 * The demo's system metrics: three metrics with a month of points pushed through the service
 * (a point every 5 minutes lately, every 20 before), then rolled up as the scheduler would, so the demo starts with the
 * storage a month of pushing leaves and all three chart views filled.
 */
export async function seedSystemMetrics(ctx: ServiceContext, now: Date): Promise<void> {
  const end = Math.floor(now.getTime() / 1000 / STEP_S) * STEP_S;
  for (const [index, metric] of demoMetrics(end).entries()) {
    const created = await createSystemMetric({ ctx, input: metric.input });
    const noise = random(17 + index);
    const points: { at: number; value: number }[] = [];
    for (let t = end - DAYS * DAY_S; t <= end; t += t < end - 2 * DAY_S ? OLD_STEP_S : STEP_S) {
      const daily = (1 - Math.cos((((t % DAY_S) - 3 * 3600) / DAY_S) * 2 * Math.PI)) / 2;
      points.push({ at: t, value: Number(metric.value(t, daily, noise()).toFixed(3)) });
    }
    await addSystemMetricPoints({ ctx, input: { series: [{ metricId: created.id, points }] } });
  }
  await rollUpSystemMetrics({ ctx });
}
