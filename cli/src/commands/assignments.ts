import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { allPages, type Client } from '../api';
import { CliError, ExitCode } from '../errors';
import { HandInMutation, StatusesQuery } from '../operations';
import { bytes, emit, table, type Output } from '../output';

export async function handIn(client: Client, output: Output, assignmentId: string, options: { message?: string; allowMissing?: boolean }) {
  const { handInAssignment: receipt } = await client.graphql(HandInMutation, {
    assignmentId,
    message: options.message ?? null,
    allowMissing: Boolean(options.allowMissing),
  });
  emit(output, receipt, () =>
    [
      `Handed in: hand-in #${receipt.handIn.seq} (${receipt.handIn.id})`,
      `  at           ${receipt.handedInAt}${receipt.late ? ' (LATE)' : ''}`,
      `  deadline     ${receipt.deadline}`,
      `  content hash ${receipt.contentHash}`,
      `  files        ${receipt.handIn.files.length} (${bytes(receipt.handIn.sizeBytes)})`,
      ...receipt.handIn.files.map((file) => `    ${file.path}  ${bytes(file.sizeBytes)}`),
      ...(receipt.handIn.missingPaths.length > 0 ? [`  missing      ${receipt.handIn.missingPaths.join(', ')}`] : []),
    ].join('\n'),
  );
}

export async function status(client: Client, output: Output, assignmentId: string) {
  const rows = await allPages(async (after) => (await client.graphql(StatusesQuery, { assignmentId, after })).handInStatuses);
  emit(output, rows, () =>
    table(
      ['STUDENT', 'E-MAIL', 'NUMBER', 'STATUS', 'HAND-INS', 'POINTS', 'DEADLINE'],
      rows.map((row) => [
        row.pseudonym ?? row.student.name,
        row.student.email,
        row.studentNumber,
        row.late && row.status !== 'LATE' ? `${row.status} (late)` : row.status,
        row.handInCount,
        row.finalPoints,
        row.deadline,
      ]),
    ),
  );
}

const EXPORTS: Record<string, string> = { csv: 'grades.csv', xlsx: 'grades.xlsx', canvas: 'grades-canvas.csv' };

/** Writes the grades export to a file, or to standard output when none is named. */
export async function gradesExport(client: Client, output: Output, assignmentId: string, options: { format: string; output?: string }) {
  const name = EXPORTS[options.format];
  if (!name) throw new CliError(`--format '${options.format}' is not one of ${Object.keys(EXPORTS).join(', ')}`, ExitCode.usage, 'BAD_USER_INPUT');
  if (!options.output && options.format === 'xlsx') throw new CliError('--format xlsx needs --output <file>', ExitCode.usage, 'BAD_USER_INPUT');
  const response = await client.fetch(`/api/assignments/${encodeURIComponent(assignmentId)}/${name}`);
  const body = Readable.fromWeb(response.body as WebReadableStream);
  if (!options.output) {
    if (output.json) throw new CliError('--json needs --output <file>: the export itself is CSV', ExitCode.usage, 'BAD_USER_INPUT');
    await pipeline(body, process.stdout, { end: false });
    return;
  }
  let size = 0;
  body.on('data', (chunk: Buffer) => (size += chunk.length));
  await pipeline(body, createWriteStream(options.output));
  emit(output, { assignmentId, format: options.format, file: options.output, bytes: size }, () => `Wrote ${options.format} grades of ${assignmentId} to ${options.output} (${bytes(size)}).`);
}
