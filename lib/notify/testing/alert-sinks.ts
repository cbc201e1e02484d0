import { closeMailer } from '@/lib/notify/email';
import { startSmtpSink } from '@/lib/notify/testing/smtp-sink';
import { startWebhookReceiver } from '@/lib/notify/testing/webhook-receiver';

export type AlertSinks = Awaited<ReturnType<typeof startAlertSinks>>;

/**
 * The SMTP sink and loopback webhook receiver that alert tests deliver to, with the configuration
 * pointing at them (read once by getEnv(): start these before anything asks for configuration).
 */
export async function startAlertSinks() {
  const sink = await startSmtpSink();
  const hooks = await startWebhookReceiver();
  process.env.SMTP_URL = sink.url;
  process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS = 'true';
  process.env.BEACON_PUBLIC_URL = 'http://status.acme.test';
  process.env.MAIL_FROM = 'Acme IoT status <status@acme.test>';
  return {
    sink,
    hooks,
    close: async () => {
      closeMailer();
      await sink.close();
      await hooks.close();
    },
  };
}
