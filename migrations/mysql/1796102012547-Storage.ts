import { MigrationInterface, QueryRunner } from 'typeorm';

export class Storage1796102012547 implements MigrationInterface {
  name = 'Storage1796102012547';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`maintenance_lease\` (\`name\` varchar(64) NOT NULL, \`holder\` varchar(100) NULL, \`expiresAt\` datetime(3) NULL, \`lastFinishedAt\` datetime(3) NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`space\` ADD \`quotaBytes\` bigint NULL`);
    await queryRunner.query(`ALTER TABLE \`tree\` ADD \`seenAt\` bigint NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tree\` DROP COLUMN \`seenAt\``);
    await queryRunner.query(`ALTER TABLE \`space\` DROP COLUMN \`quotaBytes\``);
    await queryRunner.query(`DROP TABLE \`maintenance_lease\``);
  }
}
