import { MigrationInterface, QueryRunner } from 'typeorm';

export class LtiLineItems1796230216026 implements MigrationInterface {
  name = 'LtiLineItems1796230216026';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`lti_line_item\` (\`id\` varchar(36) NOT NULL, \`contextId\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`url\` varchar(1000) NOT NULL, \`resourceLinkId\` varchar(255) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_lti_line_item\` (\`contextId\`, \`assignmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`lti_context\` ADD \`rosterCheckedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`lti_context\` ADD \`rosterDifferences\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`lti_context\` ADD \`rosterCheckError\` mediumtext NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`lti_context\` DROP COLUMN \`rosterCheckError\``);
    await queryRunner.query(`ALTER TABLE \`lti_context\` DROP COLUMN \`rosterDifferences\``);
    await queryRunner.query(`ALTER TABLE \`lti_context\` DROP COLUMN \`rosterCheckedAt\``);
    await queryRunner.query(`DROP INDEX \`uq_lti_line_item\` ON \`lti_line_item\``);
    await queryRunner.query(`DROP TABLE \`lti_line_item\``);
  }
}
