import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';
import type { Refusal } from '@/lib/http/body-limit';

/**
 * Next answers 500 to a `Next-Router-State-Tree` header it cannot parse (the client router sends
 * it with every navigation and refresh). Checked here with Next's own parser, so a hand-made
 * header is a 400 naming it, and only what Next accepts reaches Next.
 */
export function checkRouterState(headers: Record<string, string | string[] | undefined>): Refusal | undefined {
  const value = headers['next-router-state-tree'];
  if (value === undefined) return undefined;
  try {
    parseAndValidateFlightRouterState(value);
    return undefined;
  } catch (error) {
    return { status: 400, code: 'bad_router_state', message: `Next-Router-State-Tree: ${(error as Error).message}` };
  }
}
