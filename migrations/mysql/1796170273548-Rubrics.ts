import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rubrics1796170273548 implements MigrationInterface {
  name = 'Rubrics1796170273548';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`regrade_request\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`criterionKey\` varchar(36) NOT NULL, \`criterionTitle\` varchar(200) NOT NULL, \`message\` mediumtext NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`pointsBeforeHundredths\` int NULL, \`pointsAfterHundredths\` int NULL, \`reply\` mediumtext NULL, \`resolvedById\` varchar(36) NULL, \`resolvedAt\` datetime(3) NULL, INDEX \`ix_regrade_request_open\` (\`assignmentId\`, \`resolvedAt\`), UNIQUE INDEX \`uq_regrade_request\` (\`assignmentId\`, \`studentId\`, \`criterionKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rubric\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`criteria\` longtext NOT NULL, \`comments\` longtext NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`updatedById\` varchar(36) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_rubric_assignment\` (\`assignmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rubric_score\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`picks\` longtext NOT NULL, UNIQUE INDEX \`uq_rubric_score_student\` (\`assignmentId\`, \`studentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_rubric_score_student\` ON \`rubric_score\``);
    await queryRunner.query(`DROP TABLE \`rubric_score\``);
    await queryRunner.query(`DROP INDEX \`uq_rubric_assignment\` ON \`rubric\``);
    await queryRunner.query(`DROP TABLE \`rubric\``);
    await queryRunner.query(`DROP INDEX \`uq_regrade_request\` ON \`regrade_request\``);
    await queryRunner.query(`DROP INDEX \`ix_regrade_request_open\` ON \`regrade_request\``);
    await queryRunner.query(`DROP TABLE \`regrade_request\``);
  }
}
