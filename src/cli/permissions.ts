// `gcflow permissions`: the permissions a job needs versus those the client (or one role) is granted.
import type { Command } from 'commander';
import { GcflowError } from '../flow/diagnostic.js';
import { action, ExitCode, paint, stdout } from './io.js';
import { addConnectionOptions, formatTable, openConnection, visibleLength, USAGE_CODE, type ConnectionFlags } from './deploy-options.js';

interface PermissionsOptions extends ConnectionFlags {
  role?: string;
  for: string;
}

const PURPOSES = ['deploy', 'read', 'simulate'] as const;

export function register(program: Command): void {
  addConnectionOptions(
    program
      .command('permissions')
      .description('Check that the OAuth client (or a role) has the permissions a job needs; exit 1 if any is missing.')
      .option('--role <id>', 'check one role instead of the client\'s own roles')
      .option('--for <job>', `the job: ${PURPOSES.join(', ')}`, 'deploy'),
  ).action(
    action(async (opts: PermissionsOptions) => {
      const purpose = PURPOSES.find((p) => p === opts.for);
      if (!purpose) throw new GcflowError(USAGE_CODE, `--for must be one of ${PURPOSES.join(', ')}, not "${opts.for}"`);
      const out = stdout();
      const c = paint(out);
      const connection = await openConnection(opts, out, 'The embedded emulator\'s client has the deployer role; try --role with its read-only role id to see a refusal.');
      try {
        const { checkPermissionsFor } = await import('../deploy/permissions.js');
        let granted: string[];
        let whose: string;
        if (opts.role !== undefined) {
          const { permissionsOfPolicies } = await import('../platform/permission-match.js');
          const role = await connection.client.roles.get(opts.role, { userCount: false });
          granted = [...new Set([...(role.permissions ?? []), ...permissionsOfPolicies(role.permissionPolicies ?? [])])];
          whose = `role ${role.name ?? opts.role} (${opts.role})`;
        } else {
          const discovered = await connection.client.permissions.discover();
          granted = discovered.permissions;
          const roles = discovered.roles.map((r) => r.name ?? r.roleId).join(', ') || 'no roles';
          whose = `OAuth client ${discovered.clientName ?? discovered.clientId} (roles: ${roles})`;
        }
        const check = checkPermissionsFor(purpose, granted, { creating: purpose === 'deploy' });
        out.write(`Permissions to ${purpose}, for ${whose}:\n\n`);
        const rows = check.rows.map((r) => [r.permission, r.why, r.granted ? c.green('granted') : c.red('MISSING')]);
        out.write(`${formatTable(['permission', 'needed to', 'status'], rows, visibleLength)}\n\n`);
        if (check.ok) {
          out.write(`${c.green('ok')}: every permission to ${purpose} is granted\n`);
          return ExitCode.ok;
        }
        out.write(`${c.red('missing')}: ${check.missing.join(', ')} (add ${check.missing.length === 1 ? 'it' : 'them'} to a role of this client in Admin > Roles/Permissions)\n`);
        return ExitCode.failed;
      } finally {
        await connection.close();
      }
    }),
  );
}
