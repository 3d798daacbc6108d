// gcflow init (scaffold, never overwrite) and gcflow demo (npm start) through the real bin.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { NO_CREDENTIALS, runCli } from './support/run-cli.js';


describe('gcflow init and demo (CLI)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gcflow-init-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('init scaffolds a project whose flow validates and whose CI workflow validates, tests, plans and deploys', async () => {
    const project = join(dir, 'project');
    const result = await runCli(['init', project], { env: NO_CREDENTIALS });
    assert.equal(result.code, 0, result.stderr);
    for (const file of ['flows/support.flow.yaml', 'flows/support.sim.yaml', 'environments/dev.env', 'environments/prod.env', 'gcflow.config.json', '.github/workflows/gcflow.yml']) {
      assert.match(result.stdout, new RegExp(file.replace(/\./g, '\\.')));
    }
    const workflow = parse(await readFile(join(project, '.github/workflows/gcflow.yml'), 'utf8'));
    const commands = JSON.stringify(workflow.jobs);
    for (const step of ['gcflow validate', 'gcflow test', 'gcflow plan', 'gcflow deploy']) assert.ok(commands.includes(step), step);
    assert.deepEqual(workflow.on.push.branches, ['main']);
    assert.equal(workflow.jobs.deploy.if, "github.event_name == 'push' && github.ref == 'refs/heads/main'");
    const validate = await runCli(['validate', 'flows/support.flow.yaml', '--profile', 'dev'], { cwd: project, env: NO_CREDENTIALS });
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
  });

  it('init refuses to overwrite, writing nothing, and keeps an existing .gitignore', async () => {
    const project = join(dir, 'existing');
    await mkdir(join(project, 'environments'), { recursive: true });
    await writeFile(join(project, 'environments/dev.env'), 'MINE=1\n');
    await writeFile(join(project, '.gitignore'), 'dist/\n');
    const refused = await runCli(['init', project], { env: NO_CREDENTIALS });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /would overwrite environments\/dev\.env; nothing was written/);
    await assert.rejects(readFile(join(project, 'gcflow.config.json')));
    assert.equal(await readFile(join(project, 'environments/dev.env'), 'utf8'), 'MINE=1\n');
    await rm(join(project, 'environments/dev.env'));
    const ok = await runCli(['init', project], { env: NO_CREDENTIALS });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(await readFile(join(project, '.gitignore'), 'utf8'), 'dist/\n');
  });

  it('demo runs the seed pipeline end to end on an embedded emulator and exits 0', async () => {
    const result = await runCli(['demo'], { cwd: dir, env: NO_CREDENTIALS });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    for (const title of ['1. Role check', '2. Build the flow', '3. Validate', '4. Diff', '5. Push with optimistic locking', '6. Monitor', '7. Simulate']) {
      assert.match(result.stdout, new RegExp(`${title}.*ok`));
    }
    assert.match(result.stdout, /refused with 409/);
    assert.match(result.stdout, /routed to \S+ \(the billing queue, as expected\)/);
    assert.match(result.stdout, /All steps passed/);
  });

  it('deploy against a server without the document API fails plainly, changing nothing', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      if (request.url === '/oauth/token') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 't', expires_in: 3600, token_type: 'bearer' }));
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'not found', code: 'not.found', status: 404 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const result = await runCli(['deploy', 'flows/support.flow.yaml', '--profile', 'dev', '--yes'], {
        cwd: join(dir, 'project'),
        env: { ...NO_CREDENTIALS, GENESYS_ENV_URL: `http://127.0.0.1:${port}`, OAUTH_CLIENT_ID: 'x', OAUTH_CLIENT_SECRET: 'y' },
      });
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stderr, /does not serve the flow document API.*Nothing was changed/);
    } finally {
      server.close();
    }
  });
});
