import { MigrationInterface, QueryRunner } from 'typeorm';

export class EditVersions1796101854872 implements MigrationInterface {
  name = 'EditVersions1796101854872';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`version\` int NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`updatedById\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`grade\` ADD \`version\` int NOT NULL DEFAULT '0'`);
    // Until its first edit, an assignment was last changed by whoever created it.
    await queryRunner.query(`UPDATE \`assignment\` SET \`updatedById\` = \`createdById\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`grade\` DROP COLUMN \`version\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`updatedById\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`version\``);
  }
}
