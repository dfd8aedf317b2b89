import type { AccessPolicy, SpaceFacts } from '../../core/policy';
import type { Workspace } from './workspace.entity';

/** The access policy as the workspaces module uses it: it reads workspace rows and needs no more of a space than the rules do. */
export type WorkspaceAccess = AccessPolicy<SpaceFacts, Workspace>;
