import type { ServiceContext } from '@/lib/services/context';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { setMemberAlerts } from '@/lib/services/set-member-alerts';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { sendNotice } from '@/lib/services/send-notice';
import { attachIncidentFile } from '@/lib/services/attach-incident-file';
import { demoTrace } from '@/lib/demo/pcap';
import { DEMO_ACTIVE_INCIDENT } from '@/lib/demo/scenario';

/** The demo's customer organisations (issue #16): each has a component only its members see. */
export const DEMO_AUDIENCES = [
  {
    name: 'Globex Logistics',
    supportLevel: 'business',
    domain: 'globex.example',
    member: 'ops@globex.example',
    component: { name: 'Globex private APN', description: 'The private APN globex.iot and its RADIUS servers.' },
  },
  {
    name: 'Initech Fleet',
    supportLevel: 'enterprise',
    domain: 'initech.example',
    member: 'noc@initech.example',
    component: { name: 'Initech VPN tunnel', description: 'The IPsec tunnel between our packet core and the Initech data centre.' },
  },
] as const;

export const DEMO_PRIVATE_INCIDENT = 'Initech VPN tunnel re-keying fails';

/** An open early notice to Initech (enterprise) only (issue #16 part 4). */
export const DEMO_NOTICE = {
  title: 'Elevated PDP context creation from your devices',
  body: 'Since 08:40 UTC your SIMs open about six times the usual number of PDP contexts: the devices retry because your application server at 203.0.113.40:8443 does not answer. The network is fine; no other customer is affected and there is no public incident. We will tell you when the retries stop.',
} as const;

/** A trace on the public breakout incident that only Initech (enterprise) asked for and may download. */
export const DEMO_FILE_NAME = 'initech-breakout-gtp-echo-timeouts.pcap';

/**
 * Two audiences with a private component each, a member each (Initech's with email alerts on), one private incident (on the
 * Initech tunnel only, so the default rule makes it Initech's), a network trace on the public
 * breakout incident and an open notice, both for Initech only.
 */
export async function seedDemoAudiences(ctx: ServiceContext): Promise<void> {
  const componentIds: string[] = [];
  const audienceIds: string[] = [];
  for (const a of DEMO_AUDIENCES) {
    const component = await createComponent({ ctx, input: { name: a.component.name, description: a.component.description, showcase: true } });
    componentIds.push(component.id);
    const audience = await createAudience({ ctx, input: { name: a.name, supportLevel: a.supportLevel, emailDomains: [a.domain], componentIds: [component.id] } });
    audienceIds.push(audience.id);
    const member = await addAudienceMember({ ctx, input: { audienceId: audience.id, email: a.member } });
    // Initech's NOC has its email alerts on (issue #16 part 3): the private incident below alerts it.
    if (a.supportLevel === 'enterprise') await setMemberAlerts({ ctx, input: { memberId: member.id, on: true } });
  }
  await createIncident({
    ctx,
    input: {
      name: DEMO_PRIVATE_INCIDENT,
      status: 'identified',
      body: 'Phase 2 re-keying of the Initech tunnel fails every hour since 09:10; traffic drops for about 40 seconds each time. We are replacing the proposal set with Initech\'s network team.',
      components: [{ id: componentIds[1]!, status: 'partial_outage' }],
      incidentClass: 'operational',
    },
  });
  await sendNotice({ ctx, input: { ...DEMO_NOTICE, audienceIds: [audienceIds[1]!] } });
  const breakout = await ctx.db.selectFrom('incidents').select('id').where('name', '=', DEMO_ACTIVE_INCIDENT.name).executeTakeFirst();
  if (breakout) {
    await attachIncidentFile({ ctx, input: { incidentId: breakout.id, name: DEMO_FILE_NAME, bytes: demoTrace(new Date(ctx.now().getTime() - 30 * 60_000), 8), audienceIds: [audienceIds[1]!] } });
  }
}
