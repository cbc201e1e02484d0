import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { demoTrace } from '@/lib/demo/pcap';
import { PUBLIC_VIEWER, EVERYTHING } from '@/lib/domain/visibility';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { attachIncidentFile } from '@/lib/services/attach-incident-file';
import type { ServiceContext } from '@/lib/services/context';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { deleteIncidentFile } from '@/lib/services/delete-incident-file';
import { downloadIncidentFile } from '@/lib/services/download-incident-file';
import { ForbiddenError, GoneError, PayloadTooLargeError, ServiceError, UnauthorizedError, ValidationError } from '@/lib/services/errors';
import { getMemberViewer, type MemberViewer } from '@/lib/services/get-member-viewer';
import { listIncidentFiles } from '@/lib/services/list-incident-files';
import { readIncidentFile } from '@/lib/services/read-incident-file';
import { redeemMemberLink } from '@/lib/services/redeem-member-link';
import { removeMember } from '@/lib/services/remove-member';
import { requestMemberLink } from '@/lib/services/request-member-link';
import { setIncidentFileAudiences } from '@/lib/services/set-incident-file-audiences';
import { signFileLinks } from '@/lib/services/sign-file-link';

const KEY = Buffer.from('a test key for signing incident file links, 32+ bytes');
const OTHER_KEY = Buffer.from('another key that this server does not use for links!');
const operator = { type: 'operator', id: 'op1', name: 'Noc Operator <noc@example.com>', role: 'responder' } as const;

/** The link's parts, as the download route reads them from the URL. */
function linkOf(path: string) {
  const url = new URL(path, 'https://status.example.com');
  const p = url.searchParams;
  return { fileId: url.pathname.split('/').pop()!, memberId: p.get('member')!, expires: p.get('expires')!, signature: p.get('signature')! };
}

for (const dialect of testDialects()) {
  describe(`incident files on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let ctx: ServiceContext;
    let ids: { incident: string; privateIncident: string; initech: string; globex: string };
    let initechMember: MemberViewer;
    let globexMember: MemberViewer;
    const trace = demoTrace(new Date('2026-06-01T11:00:00Z'));

    /** Signs `email` in (magic link, as a member does) and returns who the session says they are. */
    async function signIn(email: string): Promise<MemberViewer> {
      const { link } = await requestMemberLink({ ctx, input: { email }, baseUrl: 'https://status.example.com' });
      const session = await redeemMemberLink({ ctx, token: new URL(link!).searchParams.get('token')! });
      return (await getMemberViewer(db.kysely, session.sessionToken, clock.now()))!;
    }
    const counts = async () => ({
      files: (await db.kysely.selectFrom('incident_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      audiences: (await db.kysely.selectFrom('incident_file_audiences').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      audit: (await db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    });
    const upload = (input: { name?: string; bytes?: Uint8Array; audienceIds?: string[]; incidentId?: string }, maxBytes?: number) =>
      attachIncidentFile({ ctx: { ...ctx, actor: operator }, input: { incidentId: input.incidentId ?? ids.incident, name: input.name ?? 'echo-timeouts.pcap', bytes: input.bytes ?? trace, audienceIds: input.audienceIds }, maxBytes });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      const data = (await createComponent({ ctx, input: { name: 'Data service' } })).id;
      const tunnel = (await createComponent({ ctx, input: { name: 'Initech VPN tunnel' } })).id;
      const initech = (await createAudience({ ctx, input: { name: 'Initech Fleet', supportLevel: 'enterprise', componentIds: [tunnel] } })).id;
      const globex = (await createAudience({ ctx, input: { name: 'Globex Logistics', supportLevel: 'business' } })).id;
      await addAudienceMember({ ctx, input: { audienceId: initech, email: 'noc@initech.example' } });
      await addAudienceMember({ ctx, input: { audienceId: globex, email: 'ops@globex.example' } });
      const incident = (await createIncident({ ctx, input: { name: 'Packet core slow', components: [{ id: data, status: 'degraded_performance' }] } })).id;
      const privateIncident = (await createIncident({ ctx, input: { name: 'Tunnel re-keying fails', components: [{ id: tunnel, status: 'major_outage' }] } })).id;
      ids = { incident, privateIncident, initech, globex };
      initechMember = await signIn('noc@initech.example');
      globexMember = await signIn('ops@globex.example');
    });
    afterEach(async () => db.drop());

    it('uploads a trace and lists it for the console and for the chosen audience only, never for the public', async () => {
      const file = await upload({ audienceIds: [ids.initech] });
      expect(file).toMatchObject({ name: 'echo-timeouts.pcap', kind: 'pcap', contentType: 'application/vnd.tcpdump.pcap', size: trace.length, audiences: [{ id: ids.initech, name: 'Initech Fleet' }] });
      expect(file.uploadedBy).toBe(operator.name);
      const stored = await db.kysely.selectFrom('incident_files').select('content').where('id', '=', file.id).executeTakeFirstOrThrow();
      expect(Buffer.from(stored.content).equals(Buffer.from(trace))).toBe(true);

      expect((await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: EVERYTHING })).map((f) => f.id)).toEqual([file.id]);
      expect((await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: { kind: 'audiences', audienceIds: [ids.initech] } })).map((f) => f.name)).toEqual(['echo-timeouts.pcap']);
      expect(await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: { kind: 'audiences', audienceIds: [ids.globex] } })).toEqual([]);
      expect(await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: PUBLIC_VIEWER })).toEqual([]);

      // Visibility changes: Globex instead of Initech, audited with before and after.
      await setIncidentFileAudiences({ ctx: { ...ctx, actor: operator }, fileId: file.id, audienceIds: [ids.globex] });
      expect(await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: { kind: 'audiences', audienceIds: [ids.initech] } })).toEqual([]);
      expect((await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: { kind: 'audiences', audienceIds: [ids.globex] } })).length).toBe(1);
      await expect(setIncidentFileAudiences({ ctx: { ...ctx, actor: operator }, fileId: file.id, audienceIds: [] })).rejects.toMatchObject({ fields: { audienceIds: expect.stringContaining('echo-timeouts.pcap') } });

      await deleteIncidentFile({ ctx: { ...ctx, actor: operator }, fileId: file.id });
      expect(await listIncidentFiles({ ctx, incidentId: ids.incident, viewer: EVERYTHING })).toEqual([]);
      const actions = (await db.kysely.selectFrom('audit_log').select(['action', 'entity_id']).orderBy('id').execute()).filter((a) => a.action.startsWith('incident_file.'));
      expect(actions).toEqual(['upload', 'visibility', 'delete'].map((a) => ({ action: `incident_file.${a}`, entity_id: file.id })));
    });

    it("defaults to the incident's audiences, and refuses a public incident's file with no audience chosen", async () => {
      const file = await upload({ incidentId: ids.privateIncident, name: 'report.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% a report\n%%EOF\n') });
      expect(file.audiences.map((a) => a.id)).toEqual([ids.initech]);
      expect(file.kind).toBe('pdf');
      const before = await counts();
      await expect(upload({})).rejects.toMatchObject({ fields: { audienceIds: expect.stringContaining('echo-timeouts.pcap') } });
      await expect(upload({ audienceIds: ['nosuchaudience'] })).rejects.toBeInstanceOf(ValidationError);
      expect(await counts()).toEqual(before);
    });

    it('refuses a file over the size limit and one whose bytes do not match its extension, naming the file, changing no row', async () => {
      const before = await counts();
      const tooBig = await upload({ audienceIds: [ids.initech] }, 100).catch((e: unknown) => e);
      expect(tooBig).toBeInstanceOf(PayloadTooLargeError);
      expect((tooBig as ServiceError).status).toBe(413);
      expect((tooBig as ServiceError).fields?.file).toMatch(/^echo-timeouts\.pcap is \d+ bytes; files may be at most 100 bytes$/);

      const fake = await upload({ name: 'trace.pcapng', audienceIds: [ids.initech] }).catch((e: unknown) => e);
      expect(fake).toBeInstanceOf(ValidationError);
      expect((fake as ServiceError).fields?.file).toMatch(/^trace\.pcapng does not contain what its extension says/);
      const exe = await upload({ name: 'invoice.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), audienceIds: [ids.initech] }).catch((e: unknown) => e);
      expect((exe as ServiceError).fields?.file).toMatch(/^invoice\.pdf does not contain/);
      const binaryLog = await upload({ name: 'syslog.log', bytes: trace, audienceIds: [ids.initech] }).catch((e: unknown) => e);
      expect((binaryLog as ServiceError).fields?.file).toMatch(/^syslog\.log does not contain/);
      const other = await upload({ name: 'setup.exe', audienceIds: [ids.initech] }).catch((e: unknown) => e);
      expect((other as ServiceError).fields?.file).toMatch(/^setup\.exe is not a file type Beacon accepts/);
      expect(await counts()).toEqual(before);
    });

    it('downloads through a signed link for its member, and audits each download', async () => {
      const file = await upload({ audienceIds: [ids.initech] });
      const path = signFileLinks({ ctx, memberId: initechMember.memberId, fileIds: [file.id], key: KEY }).get(file.id)!;
      expect(path).toMatch(new RegExp(`^/api/files/${file.id}\\?member=${initechMember.memberId}&expires=\\d+&signature=[\\w-]{43}$`));
      const got = await downloadIncidentFile({ ctx, link: linkOf(path), viewer: initechMember, key: KEY });
      expect(Buffer.compare(got.content, Buffer.from(trace))).toBe(0);
      expect(got).toMatchObject({ name: 'echo-timeouts.pcap', contentType: 'application/vnd.tcpdump.pcap' });
      await downloadIncidentFile({ ctx, link: linkOf(path), viewer: initechMember, key: KEY });

      const rows = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'incident_file.download').orderBy('id').execute();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ actor_type: 'member', actor_id: initechMember.memberId, actor_name: 'noc@initech.example', entity_type: 'incident_file', entity_id: file.id, at: clock.iso() });
      expect(JSON.stringify(rows[0]!.after)).toContain('echo-timeouts.pcap');
    });

    it('refuses another member, a tampered link, an expired link and a removed member', async () => {
      const file = await upload({ audienceIds: [ids.initech, ids.globex] });
      const path = signFileLinks({ ctx, memberId: initechMember.memberId, fileIds: [file.id], key: KEY }).get(file.id)!;
      const link = linkOf(path);
      const refusal = (l: typeof link, viewer: MemberViewer | undefined, key = KEY) => downloadIncidentFile({ ctx, link: l, viewer, key }).then(() => undefined, (e: unknown) => e as ServiceError);

      // Globex may see the file, but this link is Initech's member's: their own session does not open it.
      expect((await refusal(link, globexMember))?.message).toBe('This download link was made for another member');
      // Nor does making the link name them instead, or any other change to what was signed.
      expect((await refusal({ ...link, memberId: globexMember.memberId }, globexMember))?.message).toBe('This download link is not valid');
      expect((await refusal({ ...link, expires: String(Number(link.expires) + 3600) }, initechMember))?.status).toBe(403);
      expect((await refusal({ ...link, signature: `${link.signature.slice(0, -1)}${link.signature.endsWith('A') ? 'B' : 'A'}` }, initechMember))?.status).toBe(403);
      expect((await refusal(link, initechMember, OTHER_KEY))?.status).toBe(403);
      // Signed in nowhere: the link alone is not enough.
      expect(await refusal(link, undefined)).toBeInstanceOf(UnauthorizedError);

      clock.advance(11);
      const expired = await refusal(link, initechMember);
      expect(expired).toBeInstanceOf(GoneError);
      expect(expired?.status).toBe(410);

      // A fresh link, then the member is removed from the file's audience list, then from Beacon.
      const fresh = linkOf(signFileLinks({ ctx, memberId: initechMember.memberId, fileIds: [file.id], key: KEY }).get(file.id)!);
      await setIncidentFileAudiences({ ctx, fileId: file.id, audienceIds: [ids.globex] });
      expect((await refusal(fresh, initechMember))?.message).toBe('Your audience may not download this file');
      await setIncidentFileAudiences({ ctx, fileId: file.id, audienceIds: [ids.initech] });
      expect(await refusal(fresh, initechMember)).toBeUndefined();
      await removeMember({ ctx, id: initechMember.memberId });
      // Their sessions ended with them: the page would have no viewer, and the stale viewer is refused too.
      const stale = await refusal(fresh, initechMember);
      expect(stale?.status).toBe(403);
      expect(await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'incident_file.download').execute()).toHaveLength(1);
    });

    it('lets no member act as an operator', async () => {
      const asMember = { ...ctx, actor: { type: 'member', id: initechMember.memberId, name: initechMember.email } } as const;
      await expect(attachIncidentFile({ ctx: asMember, input: { incidentId: ids.incident, name: 'a.pcap', bytes: trace, audienceIds: [ids.initech] } })).rejects.toBeInstanceOf(ForbiddenError);
      const file = await upload({ audienceIds: [ids.initech] });
      await expect(readIncidentFile({ ctx: asMember, input: { incidentId: ids.incident, fileId: file.id } })).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("gives an operator any of the incident's files from the console, audited as theirs, and nothing by another incident's id", async () => {
      const file = await upload({ audienceIds: [ids.globex] });
      const got = await readIncidentFile({ ctx: { ...ctx, actor: operator }, input: { incidentId: ids.incident, fileId: file.id } });
      expect(Buffer.compare(got.content, Buffer.from(trace))).toBe(0);
      expect(got).toMatchObject({ name: 'echo-timeouts.pcap', contentType: 'application/vnd.tcpdump.pcap' });
      const rows = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'incident_file.download').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_type: 'operator', actor_id: operator.id, actor_name: operator.name, entity_id: file.id, at: clock.iso() });

      const before = await counts();
      await expect(readIncidentFile({ ctx: { ...ctx, actor: operator }, input: { incidentId: ids.privateIncident, fileId: file.id } })).rejects.toMatchObject({ status: 404 });
      await expect(readIncidentFile({ ctx: { ...ctx, actor: operator }, input: { incidentId: ids.incident, fileId: 'nosuchfile' } })).rejects.toMatchObject({ status: 404 });
      expect(await counts()).toEqual(before);
    });
  });
}
