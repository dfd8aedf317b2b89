import { MigrationInterface, QueryRunner } from 'typeorm';

export class Onboarding1796150259820 implements MigrationInterface {
  name = 'Onboarding1796150259820';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`password_reset\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`usedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_password_reset_token\` (\`tokenHash\`), INDEX \`ix_password_reset_user\` (\`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`user\` ADD \`instanceAdmin\` tinyint NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`instanceAdmin\``);
    await queryRunner.query(`DROP INDEX \`ix_password_reset_user\` ON \`password_reset\``);
    await queryRunner.query(`DROP INDEX \`uq_password_reset_token\` ON \`password_reset\``);
    await queryRunner.query(`DROP TABLE \`password_reset\``);
  }
}
