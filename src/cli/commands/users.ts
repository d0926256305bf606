import { config, type Config } from '../../config/config.ts';
import { AccountError } from '../../features/accounts/accounts.errors.ts';
import type { Member } from '../../features/accounts/accounts.repository.ts';
import { ROLES } from '../../features/accounts/roles.ts';
import { EXIT, UsageError, isHelpFlag, printUsage, type CliIo, type Command, type ExitCode } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withTeamAdmin } from '../team-access.ts';
import { reportPublishingFailure } from './publishing-output.ts';

/** Settings the people and token commands read: where the store is. */
export type TeamSettings = Pick<Config, 'dataDir' | 'databaseUrl'>;

const USAGE = `Usage: jobzone users add <email> --role <role>
       jobzone users list [--json]
       jobzone users set-role <email> <role>
       jobzone users remove <email>

Manages the editorial team as the owner of the server's machine. "add" invites someone: it
creates them with a role and emails them a sign-in link (valid 15 minutes, once; they can ask
for a new one at /sign-in). The first admin is created this way. "remove" ends their sessions
and revokes their API tokens; the audit log keeps their name. The last admin can be neither
demoted nor removed. Works while "npm start" runs: the command then goes through the running server.

Roles, each allowed what the ones before it are: ${ROLES.join(', ')}.

Exit codes: 0 done, 1 refused (unknown person, already a member, last admin) or store unavailable, 2 usage error.`;

/** Prints an account refusal and returns 1; other failures go to the shared reporter. */
export function reportTeamFailure(error: unknown, command: string, io: CliIo): ExitCode {
  if (error instanceof AccountError) {
    io.stderr(`jobzone ${command}: ${error.message}\n`);
    return EXIT.invalid;
  }
  return reportPublishingFailure(error, command, io);
}

function formatMember(member: Member): string {
  return `${member.email}  ${member.role}${member.removedAt ? `  removed ${new Date(member.removedAt).toISOString().slice(0, 10)}` : ''}`;
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createUsersCommand(settings: TeamSettings = config): Command {
  return {
    usage: USAGE,
    handlesHelp: true,
    async run(args, io) {
      const [action, ...rest] = args;
      if (action === undefined || isHelpFlag(action)) return printUsage(io, USAGE, action === undefined ? EXIT.usage : EXIT.ok);
      const { values, positionals } = parseCommandArgs(rest, { role: { type: 'string' }, json: { type: 'boolean' } });
      if (values.help) return printUsage(io, USAGE, EXIT.ok);
      const progress = (message: string) => io.stderr(`${message}\n`);
      const expect = (count: number, what: string) => {
        if (positionals.length !== count) throw new UsageError(`users ${action} takes ${what}; found ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
      };
      try {
        switch (action) {
          case 'add': {
            expect(1, 'one email address');
            if (values.role === undefined) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
            const member = await withTeamAdmin(settings, progress, (team) => team.addUser(positionals[0] ?? '', values.role ?? ''));
            io.stdout(`Invited ${member.email} as ${member.role}; a sign-in link is on its way to them.\n`);
            return EXIT.ok;
          }
          case 'list': {
            expect(0, 'no arguments');
            const members = await withTeamAdmin(settings, progress, (team) => team.listUsers());
            io.stdout(values.json ? `${JSON.stringify(members, null, 2)}\n` : members.length === 0 ? 'Nobody yet: invite the first admin with "jobzone users add <email> --role admin".\n' : `${members.map(formatMember).join('\n')}\n`);
            return EXIT.ok;
          }
          case 'set-role': {
            expect(2, 'an email address and a role');
            const member = await withTeamAdmin(settings, progress, (team) => team.setRole(positionals[0] ?? '', positionals[1] ?? ''));
            io.stdout(`${member.email} is now ${member.role}.\n`);
            return EXIT.ok;
          }
          case 'remove': {
            expect(1, 'one email address');
            const member = await withTeamAdmin(settings, progress, (team) => team.removeUser(positionals[0] ?? ''));
            io.stdout(`Removed ${member.email}: their sessions ended and their API tokens are revoked.\n`);
            return EXIT.ok;
          }
          default:
            throw new UsageError(`unknown action "${action}"; expected add, list, set-role or remove`);
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
        return reportTeamFailure(error, `users ${action}`, io);
      }
    },
  };
}

export const usersCommand: Command = createUsersCommand();
