/** Runs once when the server starts: migrate, and load the demo into an empty database if asked. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { boot } = await import('@/lib/boot');
    await boot();
  }
}
