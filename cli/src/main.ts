#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { Client } from './api';
import { resolveConnection } from './config';
import { CliError, ExitCode } from './errors';
import { login, ls, spaces, whoami } from './commands/account';
import { gradesExport, handIn, status } from './commands/assignments';
import { distribute, preview, stage } from './commands/distribute';
import { pull, push } from './commands/sync';
import type { Output } from './output';

interface GlobalOptions {
  server?: string;
  json?: boolean;
}

const program = new Command('stagecoach')
  .description('Work with a Stagecoach server from the command line.')
  .option('--server <url>', 'the server (default: the one logged in to, STAGECOACH_SERVER, or http://localhost:4000)')
  .option('--json', 'print the result as JSON')
  .showHelpAfterError()
  .exitOverride();

function globals(): GlobalOptions {
  return program.opts<GlobalOptions>();
}
function output(): Output {
  return { json: Boolean(globals().json) };
}
function client(): Client {
  const connection = resolveConnection({ server: globals().server });
  const result = new Client(connection);
  result.requireToken();
  return result;
}

program
  .command('login')
  .description('store a token for the server in your configuration (checked first)')
  .option('--token <token>', 'a personal API token (see the dashboard or createApiToken)')
  .option('--email <address>', 'sign in with e-mail and password; a personal API token is made and stored')
  .option('--password-stdin', 'read the password from standard input')
  .action((options) => login(resolveConnection({ server: globals().server }), output(), options));

program.command('whoami').description('who the stored token belongs to').action(() => whoami(client(), output()));

program.command('spaces').description('list your spaces').action(() => spaces(client(), output()));

program
  .command('ls')
  .description("a space's workspaces, or a workspace's folder (workspace as id or <space>/<name>)")
  .argument('<space-or-workspace>')
  .argument('[folder]', "a folder of the workspace, e.g. 'files/week1'")
  .action((ref: string, folder: string | undefined) => ls(client(), output(), ref, folder));

program
  .command('pull')
  .description("download a workspace's files into a folder; only changed files travel")
  .argument('<workspace>')
  .argument('<dir>')
  .option('--force', 'replace files changed both here and on the server with the server’s')
  .action((ref: string, dir: string, options) => pull(client(), output(), ref, dir, options));

program
  .command('push')
  .description("upload a folder's changed files to a workspace as one commit")
  .argument('<dir>')
  .argument('<workspace>')
  .option('--delete', 'also remove files from the workspace that are not in the folder')
  .option('--force', 'replace files someone changed on the server since your last pull')
  .action((dir: string, ref: string, options) => push(client(), output(), dir, ref, options));

const targetOptions = (command: Command) =>
  command
    .argument('<workspace>', 'the workspace staged from')
    .option('--to <workspace...>', 'target workspaces (id or <space>/<name>)')
    .option('--space <space>', "every workspace of a space's members")
    .option('--role <role...>', 'with --space: only members of these roles')
    .option('--future', "with --space: also members who join later")
    .addOption(new Option('--policy <policy>', 'what happens on a conflict').default('PRESERVE_EDITS'));

program
  .command('stage')
  .description('put paths of a workspace on your stage')
  .argument('<workspace>')
  .argument('<paths...>', "workspace paths, e.g. 'files/week1'")
  .action((ref: string, paths: string[]) => stage(client(), output(), ref, paths));

targetOptions(program.command('preview').description('what pushing the staged items would do to each target (writes nothing)')).action(
  (ref: string, options) => preview(client(), output(), ref, options),
);

targetOptions(program.command('distribute').description('push the staged items to the targets'))
  .option('--wait', 'wait until every target is done and print the outcome')
  .action((ref: string, options) => distribute(client(), output(), ref, options));

program
  .command('hand-in')
  .description('hand in your work for an assignment and print the receipt')
  .argument('<assignment>', 'the assignment id')
  .option('-m, --message <text>', 'a message with the hand-in')
  .option('--allow-missing', 'hand in even when expected files are missing')
  .action((assignment: string, options) => handIn(client(), output(), assignment, options));

program
  .command('status')
  .description("every student's hand-in status for an assignment (a student sees their own)")
  .argument('<assignment>', 'the assignment id')
  .action((assignment: string) => status(client(), output(), assignment));

program
  .command('grades')
  .description('grades of an assignment')
  .command('export')
  .argument('<assignment>', 'the assignment id')
  .addOption(new Option('--format <format>', 'csv, xlsx or canvas').default('csv'))
  .option('-o, --output <file>', 'write to a file instead of standard output')
  .action((assignment: string, options) => gradesExport(client(), output(), assignment, options));

function fail(error: CliError): never {
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2) + '\n');
  }
  process.stderr.write(`stagecoach: ${error.message}\n`);
  process.exit(error.exitCode);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) process.exit(0);
    process.exit(ExitCode.usage);
  }
  if (error instanceof CliError) fail(error);
  fail(new CliError(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
});
