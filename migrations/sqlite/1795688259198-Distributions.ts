import { MigrationInterface, QueryRunner } from 'typeorm';

export class Distributions1795688259198 implements MigrationInterface {
  name = 'Distributions1795688259198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_chain" ("spaceId" varchar(36) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "lastHash" varchar(64) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "seq" integer NOT NULL, "actorId" varchar(36), "action" varchar(64) NOT NULL, "subjectType" varchar(32) NOT NULL, "subjectId" varchar(36), "studentId" varchar(36), "before" text, "after" text, "createdAt" datetime NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_subject" ON "audit_event" ("spaceId", "subjectType", "subjectId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_event_seq" ON "audit_event" ("spaceId", "seq") `);
    await queryRunner.query(`CREATE TABLE "delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "targetWorkspaceId" varchar(36) NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "path" varchar(1024) NOT NULL, "pathHash" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "contentId" varchar(64) NOT NULL, "distributionId" varchar(36) NOT NULL, "deliveredAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_delivery" ON "delivery" ("targetWorkspaceId", "sourceWorkspaceId", "pathHash") `);
    await queryRunner.query(`CREATE TABLE "distribution_target" ("id" varchar(36) PRIMARY KEY NOT NULL, "distributionId" varchar(36) NOT NULL, "workspaceId" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "leaseOwner" varchar(64), "leaseExpiresAt" datetime, "attempts" integer NOT NULL DEFAULT (0), "beforeRootId" varchar(64), "afterRootId" varchar(64), "commitId" varchar(36), "snapshotId" varchar(36), "counts" text, "outcomes" text, "kept" text, "error" text, "finishedAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_distribution_target_workspace" ON "distribution_target" ("workspaceId") `);
    await queryRunner.query(`CREATE INDEX "ix_distribution_target_claim" ON "distribution_target" ("status", "leaseExpiresAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_distribution_target" ON "distribution_target" ("distributionId", "workspaceId") `);
    await queryRunner.query(`CREATE TABLE "distribution" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(16) NOT NULL, "spaceId" varchar(36) NOT NULL, "createdById" varchar(36) NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "originId" varchar(36), "items" text NOT NULL, "policies" text NOT NULL, "options" text NOT NULL, "status" varchar(16) NOT NULL, "targetCount" integer NOT NULL, "idempotencyKey" varchar(200), "inputHash" varchar(64) NOT NULL, "error" text, "createdAt" datetime NOT NULL, "startedAt" datetime, "finishedAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_distribution_space" ON "distribution" ("spaceId", "createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_distribution_idempotency" ON "distribution" ("createdById", "idempotencyKey") `);
    await queryRunner.query(`CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "spaceId" varchar(36), "kind" varchar(32) NOT NULL, "title" varchar(300) NOT NULL, "body" text NOT NULL, "distributionId" varchar(36), "actorId" varchar(36), "createdAt" datetime NOT NULL, "readAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_notification_user" ON "notification" ("userId", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "bundle" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "ownerId" varchar(36) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "items" text NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_bundle_space" ON "bundle" ("spaceId", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "stage_item" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "sourceKey" varchar(36) NOT NULL, "path" varchar(1024) NOT NULL, "pathHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stage_item" ON "stage_item" ("userId", "sourceWorkspaceId", "sourceKey", "pathHash") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_stage_item"`);
    await queryRunner.query(`DROP TABLE "stage_item"`);
    await queryRunner.query(`DROP INDEX "ix_bundle_space"`);
    await queryRunner.query(`DROP TABLE "bundle"`);
    await queryRunner.query(`DROP INDEX "ix_notification_user"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "uq_distribution_idempotency"`);
    await queryRunner.query(`DROP INDEX "ix_distribution_space"`);
    await queryRunner.query(`DROP TABLE "distribution"`);
    await queryRunner.query(`DROP INDEX "uq_distribution_target"`);
    await queryRunner.query(`DROP INDEX "ix_distribution_target_claim"`);
    await queryRunner.query(`DROP INDEX "ix_distribution_target_workspace"`);
    await queryRunner.query(`DROP TABLE "distribution_target"`);
    await queryRunner.query(`DROP INDEX "uq_delivery"`);
    await queryRunner.query(`DROP TABLE "delivery"`);
    await queryRunner.query(`DROP INDEX "uq_audit_event_seq"`);
    await queryRunner.query(`DROP INDEX "ix_audit_event_subject"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "audit_chain"`);
  }
}
