import { MigrationInterface, QueryRunner } from 'typeorm';

export class Distributions1795688259464 implements MigrationInterface {
  name = 'Distributions1795688259464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_chain\` (\`spaceId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`lastHash\` varchar(64) NOT NULL, PRIMARY KEY (\`spaceId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audit_event\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`actorId\` varchar(36) NULL, \`action\` varchar(64) NOT NULL, \`subjectType\` varchar(32) NOT NULL, \`subjectId\` varchar(36) NULL, \`studentId\` varchar(36) NULL, \`before\` longtext NULL, \`after\` longtext NULL, \`createdAt\` datetime(3) NOT NULL, \`prevHash\` varchar(64) NOT NULL, \`hash\` varchar(64) NOT NULL, INDEX \`ix_audit_event_subject\` (\`spaceId\`, \`subjectType\`, \`subjectId\`), UNIQUE INDEX \`uq_audit_event_seq\` (\`spaceId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`delivery\` (\`id\` varchar(36) NOT NULL, \`targetWorkspaceId\` varchar(36) NOT NULL, \`sourceWorkspaceId\` varchar(36) NOT NULL, \`path\` varchar(1024) NOT NULL, \`pathHash\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`contentId\` varchar(64) NOT NULL, \`distributionId\` varchar(36) NOT NULL, \`deliveredAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_delivery\` (\`targetWorkspaceId\`, \`sourceWorkspaceId\`, \`pathHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`distribution_target\` (\`id\` varchar(36) NOT NULL, \`distributionId\` varchar(36) NOT NULL, \`workspaceId\` varchar(36) NOT NULL, \`status\` varchar(16) NOT NULL, \`leaseOwner\` varchar(64) NULL, \`leaseExpiresAt\` datetime(3) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`beforeRootId\` varchar(64) NULL, \`afterRootId\` varchar(64) NULL, \`commitId\` varchar(36) NULL, \`snapshotId\` varchar(36) NULL, \`counts\` longtext NULL, \`outcomes\` longtext NULL, \`kept\` longtext NULL, \`error\` mediumtext NULL, \`finishedAt\` datetime(3) NULL, INDEX \`ix_distribution_target_workspace\` (\`workspaceId\`), INDEX \`ix_distribution_target_claim\` (\`status\`, \`leaseExpiresAt\`), UNIQUE INDEX \`uq_distribution_target\` (\`distributionId\`, \`workspaceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`distribution\` (\`id\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`createdById\` varchar(36) NOT NULL, \`sourceWorkspaceId\` varchar(36) NOT NULL, \`sourceSnapshotId\` varchar(36) NULL, \`originId\` varchar(36) NULL, \`items\` longtext NOT NULL, \`policies\` longtext NOT NULL, \`options\` longtext NOT NULL, \`status\` varchar(16) NOT NULL, \`targetCount\` int NOT NULL, \`idempotencyKey\` varchar(200) NULL, \`inputHash\` varchar(64) NOT NULL, \`error\` mediumtext NULL, \`createdAt\` datetime(3) NOT NULL, \`startedAt\` datetime(3) NULL, \`finishedAt\` datetime(3) NULL, INDEX \`ix_distribution_space\` (\`spaceId\`, \`createdAt\`), UNIQUE INDEX \`uq_distribution_idempotency\` (\`createdById\`, \`idempotencyKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`notification\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NULL, \`kind\` varchar(32) NOT NULL, \`title\` varchar(300) NOT NULL, \`body\` mediumtext NOT NULL, \`distributionId\` varchar(36) NULL, \`actorId\` varchar(36) NULL, \`createdAt\` datetime(3) NOT NULL, \`readAt\` datetime(3) NULL, INDEX \`ix_notification_user\` (\`userId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`bundle\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`description\` mediumtext NOT NULL, \`sourceWorkspaceId\` varchar(36) NOT NULL, \`sourceSnapshotId\` varchar(36) NULL, \`items\` longtext NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_bundle_space\` (\`spaceId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stage_item\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`sourceWorkspaceId\` varchar(36) NOT NULL, \`sourceSnapshotId\` varchar(36) NULL, \`sourceKey\` varchar(36) NOT NULL, \`path\` varchar(1024) NOT NULL, \`pathHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_stage_item\` (\`userId\`, \`sourceWorkspaceId\`, \`sourceKey\`, \`pathHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_stage_item\` ON \`stage_item\``);
    await queryRunner.query(`DROP TABLE \`stage_item\``);
    await queryRunner.query(`DROP INDEX \`ix_bundle_space\` ON \`bundle\``);
    await queryRunner.query(`DROP TABLE \`bundle\``);
    await queryRunner.query(`DROP INDEX \`ix_notification_user\` ON \`notification\``);
    await queryRunner.query(`DROP TABLE \`notification\``);
    await queryRunner.query(`DROP INDEX \`uq_distribution_idempotency\` ON \`distribution\``);
    await queryRunner.query(`DROP INDEX \`ix_distribution_space\` ON \`distribution\``);
    await queryRunner.query(`DROP TABLE \`distribution\``);
    await queryRunner.query(`DROP INDEX \`uq_distribution_target\` ON \`distribution_target\``);
    await queryRunner.query(`DROP INDEX \`ix_distribution_target_claim\` ON \`distribution_target\``);
    await queryRunner.query(`DROP INDEX \`ix_distribution_target_workspace\` ON \`distribution_target\``);
    await queryRunner.query(`DROP TABLE \`distribution_target\``);
    await queryRunner.query(`DROP INDEX \`uq_delivery\` ON \`delivery\``);
    await queryRunner.query(`DROP TABLE \`delivery\``);
    await queryRunner.query(`DROP INDEX \`uq_audit_event_seq\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_event_subject\` ON \`audit_event\``);
    await queryRunner.query(`DROP TABLE \`audit_event\``);
    await queryRunner.query(`DROP TABLE \`audit_chain\``);
  }
}
