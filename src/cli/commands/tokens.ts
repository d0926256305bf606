import { config } from '../../config/config.ts';
import type { ApiTokenSummary } from '../../features/accounts/api-tokens.usecases.ts';
import { EXIT, UsageError, isHelpFlag, printUsage, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withTeamAdmin } from '../team-access.ts';
import { reportTeamFailure, type TeamSettings } from './users.ts';

const USAGE = `Usage: jobzone tokens create --email <email> [--name <name>]
       jobzone tokens list [--email <email>] [--json]
       jobzone tokens revoke <number>

API tokens let the CLI on another machine act on this server as a member of the team, with
their role: set JOBZONE_URL to the server's address and JOBZONE_TOKEN to the token, and
"publish", "export", "revisions", "evidence set" and "methodology rescore" go there over HTTP.
"create" prints the token once; the server keeps only its SHA-256. Works while "npm start" runs.

Options:
  --email <email>  the member the token acts for (create), or whose tokens to list
  --name <name>    a label to tell tokens apart (default "CLI")
  --json           print the list as JSON
  -h, --help       show this help

Exit codes: 0 done, 1 refused (unknown person or token) or store unavailable, 2 usage error.`;

function formatToken(token: ApiTokenSummary): string {
  const state = token.revokedAt ? `revoked ${new Date(token.revokedAt).toISOString().slice(0, 10)}` : token.lastUsedAt ? `last used ${new Date(token.lastUsedAt).toISOString().slice(0, 10)}` : 'never used';
  return `${String(token.id).padStart(4)}  ${token.prefix}…  ${token.email}  ${token.name}  (${state})`;
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createTokensCommand(settings: TeamSettings = config): Command {
  return {
    usage: USAGE,
    handlesHelp: true,
    async run(args, io) {
      const [action, ...rest] = args;
      if (action === undefined || isHelpFlag(action)) return printUsage(io, USAGE, action === undefined ? EXIT.usage : EXIT.ok);
      const { values, positionals } = parseCommandArgs(rest, { email: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } });
      if (values.help) return printUsage(io, USAGE, EXIT.ok);
      const progress = (message: string) => io.stderr(`${message}\n`);
      try {
        switch (action) {
          case 'create': {
            if (positionals.length > 0) throw new UsageError(`tokens create takes no arguments; found "${positionals[0]}" (use --email and --name)`);
            if (values.email === undefined) throw new UsageError('--email is required: the member the token acts for');
            const { token, summary } = await withTeamAdmin(settings, progress, (team) => team.createToken(values.email ?? '', values.name));
            io.stderr(`Created token ${summary.id} "${summary.name}" for ${summary.email}. It is shown only now; the server keeps only its hash:\n`);
            io.stdout(`${token}\n`);
            return EXIT.ok;
          }
          case 'list': {
            if (positionals.length > 0) throw new UsageError('tokens list takes no arguments (use --email to pick one member)');
            const tokens = await withTeamAdmin(settings, progress, (team) => team.listTokens(values.email));
            io.stdout(values.json ? `${JSON.stringify(tokens, null, 2)}\n` : tokens.length === 0 ? 'No API tokens.\n' : `${tokens.map(formatToken).join('\n')}\n`);
            return EXIT.ok;
          }
          case 'revoke': {
            if (positionals.length !== 1) throw new UsageError('tokens revoke takes the number of one token, as "jobzone tokens list" shows it');
            const revoked = await withTeamAdmin(settings, progress, (team) => team.revokeToken(positionals[0] ?? ''));
            io.stdout(`Revoked token ${revoked.id} "${revoked.name}" of ${revoked.email}.\n`);
            return EXIT.ok;
          }
          default:
            throw new UsageError(`unknown action "${action}"; expected create, list or revoke`);
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
        return reportTeamFailure(error, `tokens ${action}`, io);
      }
    },
  };
}

export const tokensCommand: Command = createTokensCommand();
