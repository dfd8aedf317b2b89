import { MigrationInterface, QueryRunner } from 'typeorm';

export class LtiScores1796222119919 implements MigrationInterface {
  name = 'LtiScores1796222119919';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`lti_score\` (\`id\` varchar(36) NOT NULL, \`platformId\` varchar(36) NOT NULL, \`contextId\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`subject\` varchar(255) NOT NULL, \`kind\` varchar(16) NOT NULL, \`payload\` mediumtext NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime(3) NOT NULL, \`retryUntil\` datetime(3) NOT NULL, \`leaseOwner\` varchar(64) NULL, \`leaseExpiresAt\` datetime(3) NULL, \`lastAttemptAt\` datetime(3) NULL, \`lastResponseStatus\` int NULL, \`lastResponseBody\` mediumtext NULL, \`lastError\` mediumtext NULL, \`createdAt\` datetime(3) NOT NULL, \`sentAt\` datetime(3) NULL, INDEX \`ix_lti_score_student\` (\`assignmentId\`, \`studentId\`, \`createdAt\`), INDEX \`ix_lti_score_due\` (\`status\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_lti_score_due\` ON \`lti_score\``);
    await queryRunner.query(`DROP INDEX \`ix_lti_score_student\` ON \`lti_score\``);
    await queryRunner.query(`DROP TABLE \`lti_score\``);
  }
}
