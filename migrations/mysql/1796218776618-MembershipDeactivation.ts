import { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipDeactivation1796218776618 implements MigrationInterface {
  name = 'MembershipDeactivation1796218776618';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`membership\` ADD \`deactivatedAt\` datetime(3) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`membership\` DROP COLUMN \`deactivatedAt\``);
  }
}
