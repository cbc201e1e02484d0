import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps every message it receives, parsed (or raw with
 * `parse: false`, or only counted with `keep: false`, for benchmarks).
 */
export async function startSmtpSink(opts: { parse?: boolean; keep?: boolean } = {}) {
  const failNext = new Map<string, number>();
  const messages: ParsedMail[] = [];
  const raw: Buffer[] = [];
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const left = failNext.get(address.address) ?? 0;
      if (left <= 0) return callback();
      failNext.set(address.address, left - 1);
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (opts.keep !== false) chunks.push(c);
      });
      stream.on('end', () => {
        received += 1;
        if (opts.keep === false) return callback();
        const message = Buffer.concat(chunks);
        if (opts.parse === false) {
          raw.push(message);
          return callback();
        }
        simpleParser(message)
          .then((parsed) => messages.push(parsed))
          .finally(() => callback());
      });
    },
  });
  // A client killed mid-message resets its socket; that is expected here, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?pool=true`,
    messages,
    raw,
    received: () => received,
    /** The next `times` messages to `address` are refused with a temporary 451. */
    failNext: (address: string, times: number) => failNext.set(address, times),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
