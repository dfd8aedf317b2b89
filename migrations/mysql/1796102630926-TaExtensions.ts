import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaExtensions1796102630926 implements MigrationInterface {
  name = 'TaExtensions1796102630926';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`space\` ADD \`tasGrantExtensions\` tinyint NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`space\` DROP COLUMN \`tasGrantExtensions\``);
  }
}
