import { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipDeactivation1796218771691 implements MigrationInterface {
  name = 'MembershipDeactivation1796218771691';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_membership_space_user"`);
    await queryRunner.query(`DROP INDEX "ix_membership_user"`);
    await queryRunner.query(`CREATE TABLE "temporary_membership" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "createdAt" datetime NOT NULL, "studentNumber" varchar(64), "section" varchar(100), "deactivatedAt" datetime)`);
    await queryRunner.query(`INSERT INTO "temporary_membership"("id", "spaceId", "userId", "role", "createdAt", "studentNumber", "section") SELECT "id", "spaceId", "userId", "role", "createdAt", "studentNumber", "section" FROM "membership"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`ALTER TABLE "temporary_membership" RENAME TO "membership"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_space_user" ON "membership" ("spaceId", "userId") `);
    await queryRunner.query(`CREATE INDEX "ix_membership_user" ON "membership" ("userId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_membership_user"`);
    await queryRunner.query(`DROP INDEX "uq_membership_space_user"`);
    await queryRunner.query(`ALTER TABLE "membership" RENAME TO "temporary_membership"`);
    await queryRunner.query(`CREATE TABLE "membership" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "createdAt" datetime NOT NULL, "studentNumber" varchar(64), "section" varchar(100))`);
    await queryRunner.query(`INSERT INTO "membership"("id", "spaceId", "userId", "role", "createdAt", "studentNumber", "section") SELECT "id", "spaceId", "userId", "role", "createdAt", "studentNumber", "section" FROM "temporary_membership"`);
    await queryRunner.query(`DROP TABLE "temporary_membership"`);
    await queryRunner.query(`CREATE INDEX "ix_membership_user" ON "membership" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_space_user" ON "membership" ("spaceId", "userId") `);
  }
}
