import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaExtensions1796102628597 implements MigrationInterface {
  name = 'TaExtensions1796102628597';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "temporary_space" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "description" text NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "tasGrantExtensions" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_space"("id", "name", "kind", "description", "createdById", "createdAt") SELECT "id", "name", "kind", "description", "createdById", "createdAt" FROM "space"`);
    await queryRunner.query(`DROP TABLE "space"`);
    await queryRunner.query(`ALTER TABLE "temporary_space" RENAME TO "space"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "space" RENAME TO "temporary_space"`);
    await queryRunner.query(`CREATE TABLE "space" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "description" text NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "space"("id", "name", "kind", "description", "createdById", "createdAt") SELECT "id", "name", "kind", "description", "createdById", "createdAt" FROM "temporary_space"`);
    await queryRunner.query(`DROP TABLE "temporary_space"`);
  }
}
