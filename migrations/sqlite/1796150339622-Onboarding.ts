import { MigrationInterface, QueryRunner } from 'typeorm';

export class Onboarding1796150339622 implements MigrationInterface {
  name = 'Onboarding1796150339622';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "password_reset" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_password_reset_token" ON "password_reset" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "ix_password_reset_user" ON "password_reset" ("userId") `);
    // Adding a column keeps the user table as it is (the rebuild the generator proposes is not needed).
    await queryRunner.query(`ALTER TABLE "user" ADD COLUMN "instanceAdmin" boolean NOT NULL DEFAULT (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "instanceAdmin"`);
    await queryRunner.query(`DROP INDEX "ix_password_reset_user"`);
    await queryRunner.query(`DROP INDEX "uq_password_reset_token"`);
    await queryRunner.query(`DROP TABLE "password_reset"`);
  }
}
