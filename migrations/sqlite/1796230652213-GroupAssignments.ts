import { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupAssignments1796230652213 implements MigrationInterface {
  name = 'GroupAssignments1796230652213';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "assignment_group" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "name" varchar(200) NOT NULL, "workspaceId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_assignment_group_name" ON "assignment_group" ("assignmentId", "name") `);
    await queryRunner.query(`CREATE TABLE "assignment_group_member" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "groupId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_group_member_group" ON "assignment_group_member" ("groupId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_assignment_group_member" ON "assignment_group_member" ("assignmentId", "userId") `);
    await queryRunner.query(`CREATE TABLE "grade_adjustment" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "groupId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "pointsHundredths" integer NOT NULL, "reason" varchar(1000) NOT NULL, "setById" varchar(36) NOT NULL, "setAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grade_adjustment" ON "grade_adjustment" ("assignmentId", "studentId") `);
    await queryRunner.query(`CREATE TABLE "workspace_member" ("id" varchar(36) PRIMARY KEY NOT NULL, "workspaceId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_workspace_member_user" ON "workspace_member" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_workspace_member" ON "workspace_member" ("workspaceId", "userId") `);
    await queryRunner.query(`DROP INDEX "ix_workspace_space"`);
    await queryRunner.query(`DROP INDEX "ix_workspace_owner"`);
    await queryRunner.query(`CREATE TABLE "temporary_workspace" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(200) NOT NULL, "ownerId" varchar(36), "rootTreeId" varchar(64) NOT NULL, "version" integer NOT NULL, "headCommitId" varchar(36), "createdAt" datetime NOT NULL, "membersOnly" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_workspace"("id", "spaceId", "kind", "name", "ownerId", "rootTreeId", "version", "headCommitId", "createdAt") SELECT "id", "spaceId", "kind", "name", "ownerId", "rootTreeId", "version", "headCommitId", "createdAt" FROM "workspace"`);
    await queryRunner.query(`DROP TABLE "workspace"`);
    await queryRunner.query(`ALTER TABLE "temporary_workspace" RENAME TO "workspace"`);
    await queryRunner.query(`CREATE INDEX "ix_workspace_space" ON "workspace" ("spaceId", "kind") `);
    await queryRunner.query(`CREATE INDEX "ix_workspace_owner" ON "workspace" ("ownerId") `);
    await queryRunner.query(`DROP INDEX "ix_assignment_space"`);
    await queryRunner.query(`CREATE TABLE "temporary_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(300) NOT NULL, "instructions" text NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "items" text NOT NULL, "policies" text NOT NULL, "message" varchar(2000) NOT NULL, "releaseAt" datetime NOT NULL, "releasedAt" datetime, "distributionId" varchar(36), "deadline" datetime NOT NULL, "timeZone" varchar(64) NOT NULL, "handInPaths" text NOT NULL, "sizeLimitBytes" bigint NOT NULL, "latePolicy" text NOT NULL, "gradingScheme" varchar(16) NOT NULL, "maxPoints" integer, "handBackVisible" boolean NOT NULL DEFAULT (0), "collectAtDeadline" boolean NOT NULL DEFAULT (0), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "updatedById" varchar(36), "anonymousGrading" boolean NOT NULL DEFAULT (0), "groupWork" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_assignment"("id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt", "version", "updatedById", "anonymousGrading") SELECT "id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt", "version", "updatedById", "anonymousGrading" FROM "assignment"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_assignment" RENAME TO "assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_space" ON "assignment" ("spaceId", "deadline") `);
    await queryRunner.query(`DROP INDEX "uq_hand_in_seq"`);
    await queryRunner.query(`CREATE TABLE "temporary_hand_in" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "workspaceId" varchar(36) NOT NULL, "seq" integer NOT NULL, "rootTreeId" varchar(64) NOT NULL, "sizeBytes" bigint NOT NULL, "handedInAt" datetime NOT NULL, "identifier" varchar(200), "message" text NOT NULL, "missingPaths" text NOT NULL, "collected" boolean NOT NULL DEFAULT (0), "groupMemberIds" text)`);
    await queryRunner.query(`INSERT INTO "temporary_hand_in"("id", "assignmentId", "studentId", "workspaceId", "seq", "rootTreeId", "sizeBytes", "handedInAt", "identifier", "message", "missingPaths", "collected") SELECT "id", "assignmentId", "studentId", "workspaceId", "seq", "rootTreeId", "sizeBytes", "handedInAt", "identifier", "message", "missingPaths", "collected" FROM "hand_in"`);
    await queryRunner.query(`DROP TABLE "hand_in"`);
    await queryRunner.query(`ALTER TABLE "temporary_hand_in" RENAME TO "hand_in"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_hand_in_seq" ON "hand_in" ("assignmentId", "studentId", "seq") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_hand_in_seq"`);
    await queryRunner.query(`ALTER TABLE "hand_in" RENAME TO "temporary_hand_in"`);
    await queryRunner.query(`CREATE TABLE "hand_in" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "workspaceId" varchar(36) NOT NULL, "seq" integer NOT NULL, "rootTreeId" varchar(64) NOT NULL, "sizeBytes" bigint NOT NULL, "handedInAt" datetime NOT NULL, "identifier" varchar(200), "message" text NOT NULL, "missingPaths" text NOT NULL, "collected" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "hand_in"("id", "assignmentId", "studentId", "workspaceId", "seq", "rootTreeId", "sizeBytes", "handedInAt", "identifier", "message", "missingPaths", "collected") SELECT "id", "assignmentId", "studentId", "workspaceId", "seq", "rootTreeId", "sizeBytes", "handedInAt", "identifier", "message", "missingPaths", "collected" FROM "temporary_hand_in"`);
    await queryRunner.query(`DROP TABLE "temporary_hand_in"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_hand_in_seq" ON "hand_in" ("assignmentId", "studentId", "seq") `);
    await queryRunner.query(`DROP INDEX "ix_assignment_space"`);
    await queryRunner.query(`ALTER TABLE "assignment" RENAME TO "temporary_assignment"`);
    await queryRunner.query(`CREATE TABLE "assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(300) NOT NULL, "instructions" text NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "items" text NOT NULL, "policies" text NOT NULL, "message" varchar(2000) NOT NULL, "releaseAt" datetime NOT NULL, "releasedAt" datetime, "distributionId" varchar(36), "deadline" datetime NOT NULL, "timeZone" varchar(64) NOT NULL, "handInPaths" text NOT NULL, "sizeLimitBytes" bigint NOT NULL, "latePolicy" text NOT NULL, "gradingScheme" varchar(16) NOT NULL, "maxPoints" integer, "handBackVisible" boolean NOT NULL DEFAULT (0), "collectAtDeadline" boolean NOT NULL DEFAULT (0), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "updatedById" varchar(36), "anonymousGrading" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "assignment"("id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt", "version", "updatedById", "anonymousGrading") SELECT "id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt", "version", "updatedById", "anonymousGrading" FROM "temporary_assignment"`);
    await queryRunner.query(`DROP TABLE "temporary_assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_space" ON "assignment" ("spaceId", "deadline") `);
    await queryRunner.query(`DROP INDEX "ix_workspace_owner"`);
    await queryRunner.query(`DROP INDEX "ix_workspace_space"`);
    await queryRunner.query(`ALTER TABLE "workspace" RENAME TO "temporary_workspace"`);
    await queryRunner.query(`CREATE TABLE "workspace" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(200) NOT NULL, "ownerId" varchar(36), "rootTreeId" varchar(64) NOT NULL, "version" integer NOT NULL, "headCommitId" varchar(36), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "workspace"("id", "spaceId", "kind", "name", "ownerId", "rootTreeId", "version", "headCommitId", "createdAt") SELECT "id", "spaceId", "kind", "name", "ownerId", "rootTreeId", "version", "headCommitId", "createdAt" FROM "temporary_workspace"`);
    await queryRunner.query(`DROP TABLE "temporary_workspace"`);
    await queryRunner.query(`CREATE INDEX "ix_workspace_owner" ON "workspace" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "ix_workspace_space" ON "workspace" ("spaceId", "kind") `);
    await queryRunner.query(`DROP INDEX "uq_workspace_member"`);
    await queryRunner.query(`DROP INDEX "ix_workspace_member_user"`);
    await queryRunner.query(`DROP TABLE "workspace_member"`);
    await queryRunner.query(`DROP INDEX "uq_grade_adjustment"`);
    await queryRunner.query(`DROP TABLE "grade_adjustment"`);
    await queryRunner.query(`DROP INDEX "uq_assignment_group_member"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_group_member_group"`);
    await queryRunner.query(`DROP TABLE "assignment_group_member"`);
    await queryRunner.query(`DROP INDEX "uq_assignment_group_name"`);
    await queryRunner.query(`DROP TABLE "assignment_group"`);
  }
}
