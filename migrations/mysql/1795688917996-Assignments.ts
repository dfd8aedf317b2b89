import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assignments1795688917996 implements MigrationInterface {
  name = 'Assignments1795688917996';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`assignment\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`title\` varchar(300) NOT NULL, \`instructions\` mediumtext NOT NULL, \`sourceWorkspaceId\` varchar(36) NOT NULL, \`sourceSnapshotId\` varchar(36) NULL, \`items\` longtext NOT NULL, \`policies\` longtext NOT NULL, \`message\` varchar(2000) NOT NULL, \`releaseAt\` datetime(3) NOT NULL, \`releasedAt\` datetime(3) NULL, \`distributionId\` varchar(36) NULL, \`deadline\` datetime(3) NOT NULL, \`timeZone\` varchar(64) NOT NULL, \`handInPaths\` longtext NOT NULL, \`sizeLimitBytes\` bigint NOT NULL, \`latePolicy\` longtext NOT NULL, \`gradingScheme\` varchar(16) NOT NULL, \`maxPoints\` int NULL, \`handBackVisible\` tinyint NOT NULL DEFAULT 0, \`collectAtDeadline\` tinyint NOT NULL DEFAULT 0, \`createdById\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_assignment_space\` (\`spaceId\`, \`deadline\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`extension\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`deadline\` datetime(3) NOT NULL, \`reason\` varchar(1000) NOT NULL, \`grantedById\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`revokedAt\` datetime(3) NULL, \`revokedById\` varchar(36) NULL, \`revokeReason\` varchar(1000) NULL, INDEX \`ix_extension_assignment\` (\`assignmentId\`, \`studentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`grade\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`handInId\` varchar(36) NULL, \`pointsHundredths\` int NULL, \`textGrade\` varchar(200) NULL, \`comment\` mediumtext NOT NULL, \`feedbackTreeId\` varchar(64) NOT NULL, \`gradedById\` varchar(36) NULL, \`gradedAt\` datetime(3) NULL, \`returnedAt\` datetime(3) NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_grade_student\` (\`assignmentId\`, \`studentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hand_in\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`workspaceId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`rootTreeId\` varchar(64) NOT NULL, \`sizeBytes\` bigint NOT NULL, \`handedInAt\` datetime(3) NOT NULL, \`identifier\` varchar(200) NULL, \`message\` mediumtext NOT NULL, \`missingPaths\` longtext NOT NULL, \`collected\` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX \`uq_hand_in_seq\` (\`assignmentId\`, \`studentId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scheduled_job\` (\`id\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NULL, \`runAt\` datetime(3) NOT NULL, \`status\` varchar(16) NOT NULL, \`leaseOwner\` varchar(64) NULL, \`leaseExpiresAt\` datetime(3) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`error\` mediumtext NULL, \`doneAt\` datetime(3) NULL, INDEX \`ix_scheduled_job_subject\` (\`assignmentId\`, \`kind\`), INDEX \`ix_scheduled_job_due\` (\`status\`, \`runAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_scheduled_job_due\` ON \`scheduled_job\``);
    await queryRunner.query(`DROP INDEX \`ix_scheduled_job_subject\` ON \`scheduled_job\``);
    await queryRunner.query(`DROP TABLE \`scheduled_job\``);
    await queryRunner.query(`DROP INDEX \`uq_hand_in_seq\` ON \`hand_in\``);
    await queryRunner.query(`DROP TABLE \`hand_in\``);
    await queryRunner.query(`DROP INDEX \`uq_grade_student\` ON \`grade\``);
    await queryRunner.query(`DROP TABLE \`grade\``);
    await queryRunner.query(`DROP INDEX \`ix_extension_assignment\` ON \`extension\``);
    await queryRunner.query(`DROP TABLE \`extension\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_space\` ON \`assignment\``);
    await queryRunner.query(`DROP TABLE \`assignment\``);
  }
}
