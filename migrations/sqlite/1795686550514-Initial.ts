import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795686550514 implements MigrationInterface {
  name = 'Initial1795686550514';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "auth_token" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(200) NOT NULL, "tokenHash" varchar(64) NOT NULL, "prefix" varchar(16) NOT NULL, "readOnly" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL, "lastUsedAt" datetime, "expiresAt" datetime, "revokedAt" datetime)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_auth_token_hash" ON "auth_token" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "ix_auth_token_user" ON "auth_token" ("userId", "kind") `);
    await queryRunner.query(`CREATE TABLE "user" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL, "passwordHash" varchar(255), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_email" ON "user" ("email") `);
    await queryRunner.query(`CREATE TABLE "invitation" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "email" varchar(320), "role" varchar(16) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "acceptedAt" datetime, "acceptedById" varchar(36), "revokedAt" datetime)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invitation_token" ON "invitation" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "ix_invitation_space" ON "invitation" ("spaceId") `);
    await queryRunner.query(`CREATE TABLE "membership" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_membership_user" ON "membership" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_space_user" ON "membership" ("spaceId", "userId") `);
    await queryRunner.query(`CREATE TABLE "space" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "description" text NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "outbox_message" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36), "recipient" varchar(320) NOT NULL, "subject" varchar(300) NOT NULL, "body" text NOT NULL, "createdAt" datetime NOT NULL, "sentAt" datetime, "error" text)`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_space" ON "outbox_message" ("spaceId", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "commit" ("id" varchar(36) PRIMARY KEY NOT NULL, "workspaceId" varchar(36) NOT NULL, "parentId" varchar(36), "rootTreeId" varchar(64) NOT NULL, "version" integer NOT NULL, "authorId" varchar(36), "message" varchar(1000) NOT NULL, "distributionId" varchar(36), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_commit_workspace" ON "commit" ("workspaceId", "version") `);
    await queryRunner.query(`CREATE TABLE "snapshot" ("id" varchar(36) PRIMARY KEY NOT NULL, "workspaceId" varchar(36) NOT NULL, "commitId" varchar(36) NOT NULL, "rootTreeId" varchar(64) NOT NULL, "label" varchar(200) NOT NULL, "description" text NOT NULL, "automatic" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_snapshot_workspace" ON "snapshot" ("workspaceId", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "tree" ("id" varchar(64) PRIMARY KEY NOT NULL, "data" blob NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "workspace" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(200) NOT NULL, "ownerId" varchar(36), "rootTreeId" varchar(64) NOT NULL, "version" integer NOT NULL, "headCommitId" varchar(36), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_workspace_owner" ON "workspace" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "ix_workspace_space" ON "workspace" ("spaceId", "kind") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_workspace_space"`);
    await queryRunner.query(`DROP INDEX "ix_workspace_owner"`);
    await queryRunner.query(`DROP TABLE "workspace"`);
    await queryRunner.query(`DROP TABLE "tree"`);
    await queryRunner.query(`DROP INDEX "ix_snapshot_workspace"`);
    await queryRunner.query(`DROP TABLE "snapshot"`);
    await queryRunner.query(`DROP INDEX "ix_commit_workspace"`);
    await queryRunner.query(`DROP TABLE "commit"`);
    await queryRunner.query(`DROP INDEX "ix_outbox_space"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "space"`);
    await queryRunner.query(`DROP INDEX "uq_membership_space_user"`);
    await queryRunner.query(`DROP INDEX "ix_membership_user"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP INDEX "ix_invitation_space"`);
    await queryRunner.query(`DROP INDEX "uq_invitation_token"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP INDEX "uq_user_email"`);
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`DROP INDEX "ix_auth_token_user"`);
    await queryRunner.query(`DROP INDEX "uq_auth_token_hash"`);
    await queryRunner.query(`DROP TABLE "auth_token"`);
  }
}
