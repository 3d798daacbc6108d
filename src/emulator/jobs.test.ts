// Architect jobs (register, presigned upload with its signed headers, Registered → Started → Success/Failure) and validate jobs.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { stringify as toYaml } from 'yaml';
import { OTHER_CLIENT, seedFlow, startTestEmulator, type TestEmulator } from './testdata/emulator-http.js';

interface Registered {
  id: string;
  presignedUrl: string;
  headers: Record<string, string>;
  selfUri: string;
}
type JobState = { id: string; status: string; flow?: { id: string }; messages?: Array<{ type: string; text: string }> };

const FLOW_ID = '6f1c2a9e-3b7d-4c1e-9a52-0d4b8e7f1a23';
const ARCHY_YAML = 'inboundShortMessage:\n  name: Support\n  startUpRef: "/inboundShortMessage/states/state[Initial State_10]"\n';

describe('emulator Architect jobs', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator({ publishDelayMs: 200 });
  });
  afterEach(() => t.close());

  const register = async () => {
    const response = await t.api<Registered>('POST', '/api/v2/flows/jobs');
    assert.equal(response.status, 200);
    return response.body;
  };
  const upload = (job: Registered, body: string, headers: Record<string, string> = job.headers) => fetch(job.presignedUrl, { method: 'PUT', headers, body });
  const poll = (id: string, expand = true) => t.api<JobState>('GET', `/api/v2/flows/jobs/${id}${expand ? '?expand=messages' : ''}`);

  it('registers a job with a presigned URL pointing back at the emulator and the headers to send', async () => {
    const job = await register();
    assert.ok(job.presignedUrl.startsWith(`${t.emulator.url}/__uploads/`));
    assert.equal(job.headers['Content-Type'], 'application/octet-stream');
    assert.equal(job.selfUri, `/api/v2/flows/jobs/${job.id}`);
    assert.equal((await poll(job.id)).body.status, 'Registered');
  });

  it('refuses an upload that lacks or changes a signed header with 403, as S3 does', async () => {
    const job = await register();
    const missing = await upload(job, JSON.stringify(seedFlow()), { 'Content-Type': 'application/octet-stream' });
    assert.equal(missing.status, 403);
    assert.match(await missing.text(), /SignatureDoesNotMatch[\s\S]*x-amz-meta-jobid/);
    const changed = await upload(job, JSON.stringify(seedFlow()), { ...job.headers, 'Content-Type': 'text/yaml' });
    assert.equal(changed.status, 403);
    assert.equal((await fetch(`${t.emulator.url}/__uploads/unknown`, { method: 'PUT', headers: job.headers, body: 'x' })).status, 403);
    assert.equal((await poll(job.id)).body.status, 'Registered');
  });

  for (const format of ['json', 'yaml'] as const) {
    it(`processes an uploaded gcflow flow document (${format}): Started, then Success with the flow published`, async () => {
      const job = await register();
      const text = format === 'json' ? JSON.stringify(seedFlow()) : toYaml(seedFlow());
      assert.equal((await upload(job, text)).status, 200);
      assert.equal((await poll(job.id)).body.status, 'Started');
      t.clock.advance(200);
      const done = await poll(job.id);
      assert.equal(done.body.status, 'Success');
      assert.equal(done.body.flow?.id, FLOW_ID);
      assert.ok(done.body.messages?.some((m) => m.type === 'Warning'), 'the seed warning is reported');
      const flow = await t.api('GET', `/api/v2/flows/${FLOW_ID}`);
      assert.equal(flow.body.status, 'published');
      assert.equal(flow.body.version, 1);
    });
  }

  it('fails an Archy YAML upload with a clear message, shown only with expand=messages', async () => {
    const job = await register();
    await upload(job, ARCHY_YAML);
    t.clock.advance(200);
    const plain = await poll(job.id, false);
    assert.equal(plain.body.status, 'Failure');
    assert.equal(plain.body.messages, undefined);
    const expanded = await poll(job.id);
    assert.equal(expanded.body.messages?.[0].type, 'Error');
    assert.match(expanded.body.messages?.[0].text ?? '', /Archy YAML processing is not supported by this emulator yet/);
  });

  it('fails, changing nothing, when the flow has validation errors', async () => {
    const broken = seedFlow();
    (broken.nodes as Record<string, Record<string, unknown>>).start.transition = 'nowhere';
    const job = await register();
    await upload(job, JSON.stringify(broken));
    t.clock.advance(200);
    const done = await poll(job.id);
    assert.equal(done.body.status, 'Failure');
    assert.match(done.body.messages?.[0].text ?? '', /Validation failed/);
    assert.equal((await t.api('GET', `/api/v2/flows/${FLOW_ID}`)).status, 404);
  });

  it('fails with "locked by another entity" when another client holds the flow', async () => {
    await t.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: seedFlow() });
    const other = await t.token(OTHER_CLIENT.id, OTHER_CLIENT.secret);
    await t.api('POST', `/api/v2/flows/actions/checkout?flow=${FLOW_ID}`, { token: other });
    const job = await register();
    await upload(job, JSON.stringify(seedFlow()));
    t.clock.advance(200);
    const done = await poll(job.id);
    assert.equal(done.body.status, 'Failure');
    assert.match(done.body.messages?.[0].text ?? '', /locked by another entity/);
    assert.equal((await t.api('GET', `/api/v2/flows/${FLOW_ID}`)).body.version, 1);
  });

  it('accepts one upload per job and answers 404 for an unknown job', async () => {
    const job = await register();
    assert.equal((await upload(job, JSON.stringify(seedFlow()))).status, 200);
    assert.equal((await upload(job, JSON.stringify(seedFlow()))).status, 409);
    assert.equal((await poll('nope')).status, 404);
  });

  it('validate jobs report the validator findings per flow and fail on errors', async () => {
    await t.api('PUT', `/api/v2/flows/${FLOW_ID}`, { body: seedFlow() });
    const broken = seedFlow();
    (broken.nodes as Record<string, Record<string, unknown>>).start.transition = 'nowhere';
    await t.api('PUT', '/api/v2/flows/broken', { body: { ...broken, id: 'broken', name: 'Broken' } });
    const ok = await t.api<{ id: string; totalFlows: number }>('POST', '/api/v2/flows/validate/jobs', { body: { flows: [{ flow: { id: FLOW_ID } }] } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.totalFlows, 1);
    const bad = await t.api<{ id: string }>('POST', '/api/v2/flows/validate/jobs', { body: { flows: [{ flow: { name: 'Broken', type: 'INBOUNDSHORTMESSAGE' } }, { flow: { id: 'ghost' } }] } });
    t.clock.advance(200);
    const okState = await t.api<JobState>('GET', `/api/v2/flows/validate/jobs/${ok.body.id}?expand=messages`);
    assert.equal(okState.body.status, 'Success');
    assert.ok(okState.body.messages?.every((m) => m.type === 'Warning'));
    const badState = await t.api<JobState>('GET', `/api/v2/flows/validate/jobs/${bad.body.id}?expand=messages`);
    assert.equal(badState.body.status, 'Failure');
    assert.ok(badState.body.messages?.some((m) => /Broken.*nowhere/.test(m.text)));
    assert.ok(badState.body.messages?.some((m) => /ghost was not found/.test(m.text)));
    assert.equal((await t.api('POST', '/api/v2/flows/validate/jobs', { body: { flows: [] } })).status, 400);
    assert.equal((await t.api('GET', '/api/v2/flows/validate/jobs/nope')).status, 404);
  });
});
