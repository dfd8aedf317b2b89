import { MigrationInterface, QueryRunner } from 'typeorm';

export class Storage1796102010119 implements MigrationInterface {
  name = 'Storage1796102010119';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "maintenance_lease" ("name" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(100), "expiresAt" datetime, "lastFinishedAt" datetime)`);
    // Added in place rather than by rebuilding the tables: the tree table can be large.
    await queryRunner.query(`ALTER TABLE "space" ADD COLUMN "quotaBytes" bigint`);
    await queryRunner.query(`ALTER TABLE "tree" ADD COLUMN "seenAt" bigint NOT NULL DEFAULT (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tree" DROP COLUMN "seenAt"`);
    await queryRunner.query(`ALTER TABLE "space" DROP COLUMN "quotaBytes"`);
    await queryRunner.query(`DROP TABLE "maintenance_lease"`);
  }
}
