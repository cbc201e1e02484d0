/**
 * The secret that marks the custom server's own renders (`x-beacon-render`), shared with
 * proxy.ts through the process bridge: a render gets no per-request nonce (its HTML is served to
 * everyone with a hash-based policy), so no outside request may pass for one.
 */
import { peekShared, setShared } from '@/lib/runtime/bridge';

export const RENDER_HEADER = 'x-beacon-render';

/** Makes this process's render secret known to proxy.ts. */
export function shareRenderSecret(secret: string): void {
  setShared('renderSecret', secret);
}

/** Whether a header value is this process's render secret, compared in constant time. */
export function isRenderSecret(value: string | null | undefined): boolean {
  const secret = peekShared<string>('renderSecret');
  if (!secret || typeof value !== 'string' || value.length !== secret.length) return false;
  let diff = 0;
  for (let i = 0; i < secret.length; i++) diff |= secret.charCodeAt(i) ^ value.charCodeAt(i);
  return diff === 0;
}
