import { MigrationInterface, QueryRunner } from 'typeorm';

export class LtiLineItems1796230210406 implements MigrationInterface {
  name = 'LtiLineItems1796230210406';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lti_line_item" ("id" varchar(36) PRIMARY KEY NOT NULL, "contextId" varchar(36) NOT NULL, "assignmentId" varchar(36) NOT NULL, "url" varchar(1000) NOT NULL, "resourceLinkId" varchar(255), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lti_line_item" ON "lti_line_item" ("contextId", "assignmentId") `);
    await queryRunner.query(`DROP INDEX "uq_lti_context"`);
    await queryRunner.query(`DROP INDEX "ix_lti_context_space"`);
    await queryRunner.query(`CREATE TABLE "temporary_lti_context" ("id" varchar(36) PRIMARY KEY NOT NULL, "platformId" varchar(36) NOT NULL, "contextId" varchar(255) NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(255) NOT NULL, "membershipsUrl" varchar(1000), "lineItemsUrl" varchar(1000), "createdAt" datetime NOT NULL, "rosterCheckedAt" datetime, "rosterDifferences" integer, "rosterCheckError" text)`);
    await queryRunner.query(`INSERT INTO "temporary_lti_context"("id", "platformId", "contextId", "spaceId", "title", "membershipsUrl", "lineItemsUrl", "createdAt") SELECT "id", "platformId", "contextId", "spaceId", "title", "membershipsUrl", "lineItemsUrl", "createdAt" FROM "lti_context"`);
    await queryRunner.query(`DROP TABLE "lti_context"`);
    await queryRunner.query(`ALTER TABLE "temporary_lti_context" RENAME TO "lti_context"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lti_context" ON "lti_context" ("platformId", "contextId") `);
    await queryRunner.query(`CREATE INDEX "ix_lti_context_space" ON "lti_context" ("spaceId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_lti_context_space"`);
    await queryRunner.query(`DROP INDEX "uq_lti_context"`);
    await queryRunner.query(`ALTER TABLE "lti_context" RENAME TO "temporary_lti_context"`);
    await queryRunner.query(`CREATE TABLE "lti_context" ("id" varchar(36) PRIMARY KEY NOT NULL, "platformId" varchar(36) NOT NULL, "contextId" varchar(255) NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(255) NOT NULL, "membershipsUrl" varchar(1000), "lineItemsUrl" varchar(1000), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "lti_context"("id", "platformId", "contextId", "spaceId", "title", "membershipsUrl", "lineItemsUrl", "createdAt") SELECT "id", "platformId", "contextId", "spaceId", "title", "membershipsUrl", "lineItemsUrl", "createdAt" FROM "temporary_lti_context"`);
    await queryRunner.query(`DROP TABLE "temporary_lti_context"`);
    await queryRunner.query(`CREATE INDEX "ix_lti_context_space" ON "lti_context" ("spaceId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lti_context" ON "lti_context" ("platformId", "contextId") `);
    await queryRunner.query(`DROP INDEX "uq_lti_line_item"`);
    await queryRunner.query(`DROP TABLE "lti_line_item"`);
  }
}
