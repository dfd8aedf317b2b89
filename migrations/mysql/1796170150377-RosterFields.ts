import { MigrationInterface, QueryRunner } from 'typeorm';
import { normaliseStoredEmails } from '../normalise-emails';

export class RosterFields1796170150377 implements MigrationInterface {
  name = 'RosterFields1796170150377';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`membership\` ADD \`studentNumber\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`membership\` ADD \`section\` varchar(100) NULL`);
    await queryRunner.query(`ALTER TABLE \`invitation\` ADD \`studentNumber\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`invitation\` ADD \`section\` varchar(100) NULL`);
    await normaliseStoredEmails(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`invitation\` DROP COLUMN \`section\``);
    await queryRunner.query(`ALTER TABLE \`invitation\` DROP COLUMN \`studentNumber\``);
    await queryRunner.query(`ALTER TABLE \`membership\` DROP COLUMN \`section\``);
    await queryRunner.query(`ALTER TABLE \`membership\` DROP COLUMN \`studentNumber\``);
  }
}
