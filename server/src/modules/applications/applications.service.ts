import { badInput } from '../../core/errors';
import { formatPath, normalizeName, parseAreaPath } from '../../core/storage/paths';
import type { ObjectsService } from '../workspaces/objects.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import type { Actor } from '../users/users.service';
import { decodeApplication, encodeApplication, validateApplication, type ApplicationConfig } from './application-config';
import type { Access } from '../spaces/access';

/** Application configurations: validated before they are stored, so an invalid one never lands. */
export class ApplicationsService {
  constructor(
    private readonly policy: Access,
    private readonly workspaces: WorkspacesService,
    private readonly objects: ObjectsService,
  ) {}

  async save(actor: Actor | null, workspaceId: string, name: string, input: unknown, expectedVersion?: number | null) {
    const { actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const appName = normalizeName(name);
    const config = validateApplication(input);
    const blob = await this.objects.blobs.putBuffer(encodeApplication(config));
    const result = await this.objects.putObject(a, workspaceId, ['applications', appName], 'APPLICATION', blob, `save application ${appName}`, {
      expectedVersion,
    });
    return { ...result, path: `applications/${appName}`, id: blob.id, config };
  }

  async get(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null): Promise<{ path: string; config: ApplicationConfig; id: string }> {
    const { area, segments } = parseAreaPath(path);
    if (area !== 'applications' || segments.length !== 2) throw badInput(`'${path}' is not an application path (applications/<name>)`);
    const { entry } = await this.workspaces.entry(actor, workspaceId, formatPath(segments), snapshotId);
    if (entry.kind !== 'APPLICATION') throw badInput(`'${entry.path}' is not an application`);
    return { path: entry.path, id: entry.id, config: decodeApplication(await this.objects.blobs.read(entry.id)) };
  }
}
