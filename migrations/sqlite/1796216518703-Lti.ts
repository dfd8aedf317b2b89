import { MigrationInterface, QueryRunner } from 'typeorm';

export class Lti1796216518703 implements MigrationInterface {
  name = 'Lti1796216518703';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lti_context" ("id" varchar(36) PRIMARY KEY NOT NULL, "platformId" varchar(36) NOT NULL, "contextId" varchar(255) NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(255) NOT NULL, "membershipsUrl" varchar(1000), "lineItemsUrl" varchar(1000), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_lti_context_space" ON "lti_context" ("spaceId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lti_context" ON "lti_context" ("platformId", "contextId") `);
    await queryRunner.query(`CREATE TABLE "lti_key" ("id" varchar(36) PRIMARY KEY NOT NULL, "publicJwk" text NOT NULL, "privateJwk" text NOT NULL, "createdAt" datetime NOT NULL, "retiredAt" datetime)`);
    await queryRunner.query(`CREATE TABLE "lti_login" ("id" varchar(36) PRIMARY KEY NOT NULL, "stateHash" varchar(64) NOT NULL, "nonce" varchar(128) NOT NULL, "platformId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lti_login_state" ON "lti_login" ("stateHash") `);
    await queryRunner.query(`CREATE INDEX "ix_lti_login_expiry" ON "lti_login" ("expiresAt") `);
    await queryRunner.query(`CREATE TABLE "lti_platform" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "issuer" varchar(255) NOT NULL, "clientId" varchar(255) NOT NULL, "deploymentIds" text NOT NULL, "authUrl" varchar(1000) NOT NULL, "tokenUrl" varchar(1000) NOT NULL, "jwksUrl" varchar(1000) NOT NULL, "linkByEmail" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lti_platform_client" ON "lti_platform" ("issuer", "clientId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_lti_platform_client"`);
    await queryRunner.query(`DROP TABLE "lti_platform"`);
    await queryRunner.query(`DROP INDEX "ix_lti_login_expiry"`);
    await queryRunner.query(`DROP INDEX "uq_lti_login_state"`);
    await queryRunner.query(`DROP TABLE "lti_login"`);
    await queryRunner.query(`DROP TABLE "lti_key"`);
    await queryRunner.query(`DROP INDEX "uq_lti_context"`);
    await queryRunner.query(`DROP INDEX "ix_lti_context_space"`);
    await queryRunner.query(`DROP TABLE "lti_context"`);
  }
}
