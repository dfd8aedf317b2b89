import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaExtensions1796102628597 implements MigrationInterface {
  name = 'TaExtensions1796102628597';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "space" ADD COLUMN "tasGrantExtensions" boolean NOT NULL DEFAULT (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "space" DROP COLUMN "tasGrantExtensions"`);
  }
}
