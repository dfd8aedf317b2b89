import path from 'node:path';
import type { AppConfig } from '../config';
import type { Database } from '../db/database';
import { ApplicationsService } from '../modules/applications/applications.service';
import { MailService } from '../modules/mail/mail.service';
import { SpacesService } from '../modules/spaces/spaces.service';
import { TablesService } from '../modules/tables/tables.service';
import { UsersService } from '../modules/users/users.service';
import { DbTreeStore } from '../modules/workspaces/db-tree-store';
import { ObjectsService } from '../modules/workspaces/objects.service';
import { SnapshotsService } from '../modules/workspaces/snapshots.service';
import { WorkspaceStore } from '../modules/workspaces/workspace-store';
import { WorkspacesService } from '../modules/workspaces/workspaces.service';
import { AccessPolicy } from './policy';
import type { EventBus } from './pubsub';
import { LocalBlobStore } from './storage/blob-store';

/** The service graph, built once per process. */
export function createServices(config: AppConfig, db: Database, events: EventBus) {
  const policy = new AccessPolicy(db);
  const blobs = new LocalBlobStore(path.join(config.dataDir, 'blobs'));
  const trees = new DbTreeStore(db);
  const store = new WorkspaceStore(db, trees, (commit) =>
    events.publish('WORKSPACE_CHANGED', commit.workspaceId, {
      workspaceId: commit.workspaceId,
      version: commit.version,
      commitId: commit.id,
    }),
  );
  const users = new UsersService(db, config.sessionDays);
  const mail = new MailService(db, config.smtpUrl, config.mailFrom);
  const workspaces = new WorkspacesService(db, policy, store);
  const objects = new ObjectsService(policy, store, workspaces, blobs);
  const spaces = new SpacesService(db, policy, users, workspaces, mail, config.webUrl);
  return {
    config,
    db,
    events,
    policy,
    blobs,
    trees,
    store,
    users,
    mail,
    workspaces,
    objects,
    spaces,
    snapshots: new SnapshotsService(db, policy, store),
    tables: new TablesService(policy, workspaces, objects),
    applications: new ApplicationsService(policy, workspaces, objects),
  };
}

export type Services = ReturnType<typeof createServices>;
