/** Runs once when the server starts: migrate, and load the demo into an empty database if asked. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { boot } = await import('@/lib/boot');
    // A database that is down at start must not stop the server: Next would answer every request
    // with 500, while the custom server can serve the last snapshot. Retry until it is back.
    const attempt = (): Promise<void> =>
      boot().catch((error: unknown) => {
        console.error('[beacon] start-up failed, retrying in 2 s:', error instanceof Error ? error.message : error);
        setTimeout(() => void attempt(), 2_000).unref();
      });
    await attempt();
  }
}
