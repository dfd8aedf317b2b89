import { found, type Client } from '../api';
import { CliError, ExitCode } from '../errors';
import type { ConflictPolicy, PushInput, Role } from '../gql/graphql';
import { AddToStageMutation, DistributionQuery, PreviewQuery, PushMutation, StageQuery } from '../operations';
import { emit, table, type Output } from '../output';
import { resolveSpace, resolveWorkspace } from '../resolve';

const POLICIES: ConflictPolicy[] = ['FAIL', 'KEEP_BOTH', 'MIRROR', 'OVERWRITE', 'PRESERVE_EDITS', 'SKIP_EXISTING'];

export interface TargetOptions {
  to?: string[];
  space?: string;
  role?: string[];
  policy: string;
  future?: boolean;
}

function policyOf(value: string): ConflictPolicy {
  const policy = value.toUpperCase().replace(/-/g, '_') as ConflictPolicy;
  if (!POLICIES.includes(policy)) throw new CliError(`--policy '${value}' is not one of ${POLICIES.join(', ')}`, ExitCode.usage, 'BAD_USER_INPUT');
  return policy;
}

export async function stage(client: Client, output: Output, ref: string, paths: string[]) {
  const workspace = await resolveWorkspace(client, ref);
  await client.graphql(AddToStageMutation, { source: { workspaceId: workspace.id }, paths });
  const { stage: items } = await client.graphql(StageQuery, { source: { workspaceId: workspace.id } });
  emit(output, items, () => `Staged from ${workspace.name}:\n${items.map((item) => `  ${item.path}`).join('\n')}`);
}

/** The push of everything staged from the workspace to the chosen targets under one policy. */
async function pushInput(client: Client, ref: string, options: TargetOptions): Promise<PushInput> {
  const workspace = await resolveWorkspace(client, ref);
  const policy = policyOf(options.policy);
  const { stage: items } = await client.graphql(StageQuery, { source: { workspaceId: workspace.id } });
  if (items.length === 0) throw new CliError(`nothing is staged from '${workspace.name}': run \`stagecoach stage ${ref} <paths…>\` first`, ExitCode.usage, 'BAD_USER_INPUT');
  if (!options.to?.length && !options.space) throw new CliError('name the targets: --to <workspace…> or --space <space> (with --role)', ExitCode.usage, 'BAD_USER_INPUT');
  const workspaceIds = options.to?.length ? await Promise.all(options.to.map(async (target) => (await resolveWorkspace(client, target)).id)) : undefined;
  const spaceId = options.space ? (await resolveSpace(client, options.space)).id : undefined;
  // The server names a role it does not know.
  const roles = options.role?.map((role) => role.toUpperCase() as Role);
  return {
    stageItemIds: items.map((item) => item.id),
    policies: { default: policy },
    targets: { workspaceIds, spaceId, roles, includeFutureMembers: options.future ?? undefined },
  };
}

export async function preview(client: Client, output: Output, ref: string, options: TargetOptions) {
  const input = await pushInput(client, ref, options);
  const { distributionPreview: result } = await client.graphql(PreviewQuery, { input });
  emit(output, result, () =>
    [
      `${result.targetCount} target(s): ${result.targetsChanging} changing, ${result.targetsUpToDate} up to date, ${result.targetsWithConflicts} with conflicts, ${result.targetsFailing} failing, ${result.targetsLosingEdits} losing their own edits.`,
      table(
        ['WORKSPACE', 'ADDED', 'REPLACED', 'REMOVED', 'SKIPPED', 'COPIED', 'CONFLICT', 'OWN EDITS LOST'],
        result.targets.map((t) => [t.workspace.name, t.counts.added, t.counts.replaced, t.counts.removed, t.counts.skipped, t.counts.copied, t.counts.conflict, t.lostEditCount]),
      ),
    ].join('\n'),
  );
}

export async function distribute(client: Client, output: Output, ref: string, options: TargetOptions & { wait?: boolean }) {
  const input = await pushInput(client, ref, options);
  const {
    createDistribution: { distribution: created },
  } = await client.graphql(PushMutation, { input });
  let result: unknown = created;
  let text = `Push ${created.id} to ${created.targetCount} target(s): ${created.status}.`;
  if (options.wait) {
    for (;;) {
      const distribution = found((await client.graphql(DistributionQuery, { id: created.id })).distribution, `distribution ${created.id}`);
      if (distribution.finishedAt) {
        result = distribution;
        const c = distribution.counts;
        text = `Push ${distribution.id}: ${distribution.status}; ${c.succeeded} succeeded, ${c.conflict} with conflicts, ${c.failed} failed, ${c.cancelled} cancelled of ${c.total}.`;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  emit(output, result, () => text);
}
