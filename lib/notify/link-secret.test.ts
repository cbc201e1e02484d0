import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileSecret, secretFilePath } from '@/lib/notify/link-secret';
import { mailGoesToDevMailboxInProduction, warnIfNoMailInProduction } from '@/lib/notify/email';

delete process.env.SMTP_URL;
delete process.env.BEACON_DEMO;

describe('the link key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-key-'));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is generated once next to the SQLite file, readable by its owner only, and read back after', () => {
    const file = secretFilePath(`file:${path.join(dir, 'beacon.db')}`);
    expect(file).toBe(path.join(dir, 'beacon-secret'));
    const first = fileSecret(file);
    expect(first.length).toBe(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fileSecret(file).equals(first)).toBe(true);
  });
});

describe('mail in production without SMTP_URL', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is warned about at start-up, without any address or link', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(mailGoesToDevMailboxInProduction()).toBe(true);
    warnIfNoMailInProduction();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toMatch(/SMTP_URL is not set in production/);
    warn.mockRestore();
  });

  it('is not warned about in development', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(mailGoesToDevMailboxInProduction()).toBe(false);
  });
});
