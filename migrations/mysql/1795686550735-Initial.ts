import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795686550735 implements MigrationInterface {
  name = 'Initial1795686550735';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`auth_token\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`name\` varchar(200) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`prefix\` varchar(16) NOT NULL, \`readOnly\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(3) NOT NULL, \`lastUsedAt\` datetime(3) NULL, \`expiresAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_auth_token_hash\` (\`tokenHash\`), INDEX \`ix_auth_token_user\` (\`userId\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user\` (\`id\` varchar(36) NOT NULL, \`email\` varchar(320) NOT NULL, \`name\` varchar(200) NOT NULL, \`passwordHash\` varchar(255) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_user_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`invitation\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`email\` varchar(320) NULL, \`role\` varchar(16) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`createdById\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`acceptedAt\` datetime(3) NULL, \`acceptedById\` varchar(36) NULL, \`revokedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_invitation_token\` (\`tokenHash\`), INDEX \`ix_invitation_space\` (\`spaceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`membership\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`role\` varchar(16) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_membership_user\` (\`userId\`), UNIQUE INDEX \`uq_membership_space_user\` (\`spaceId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`space\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` varchar(16) NOT NULL, \`description\` mediumtext NOT NULL, \`createdById\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`outbox_message\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NULL, \`recipient\` varchar(320) NOT NULL, \`subject\` varchar(300) NOT NULL, \`body\` mediumtext NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`sentAt\` datetime(3) NULL, \`error\` mediumtext NULL, INDEX \`ix_outbox_space\` (\`spaceId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`commit\` (\`id\` varchar(36) NOT NULL, \`workspaceId\` varchar(36) NOT NULL, \`parentId\` varchar(36) NULL, \`rootTreeId\` varchar(64) NOT NULL, \`version\` int NOT NULL, \`authorId\` varchar(36) NULL, \`message\` varchar(1000) NOT NULL, \`distributionId\` varchar(36) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_commit_workspace\` (\`workspaceId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`snapshot\` (\`id\` varchar(36) NOT NULL, \`workspaceId\` varchar(36) NOT NULL, \`commitId\` varchar(36) NOT NULL, \`rootTreeId\` varchar(64) NOT NULL, \`label\` varchar(200) NOT NULL, \`description\` mediumtext NOT NULL, \`automatic\` tinyint NOT NULL DEFAULT 0, \`createdById\` varchar(36) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_snapshot_workspace\` (\`workspaceId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`tree\` (\`id\` varchar(64) NOT NULL, \`data\` longblob NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`workspace\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`name\` varchar(200) NOT NULL, \`ownerId\` varchar(36) NULL, \`rootTreeId\` varchar(64) NOT NULL, \`version\` int NOT NULL, \`headCommitId\` varchar(36) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_workspace_owner\` (\`ownerId\`), INDEX \`ix_workspace_space\` (\`spaceId\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_workspace_space\` ON \`workspace\``);
    await queryRunner.query(`DROP INDEX \`ix_workspace_owner\` ON \`workspace\``);
    await queryRunner.query(`DROP TABLE \`workspace\``);
    await queryRunner.query(`DROP TABLE \`tree\``);
    await queryRunner.query(`DROP INDEX \`ix_snapshot_workspace\` ON \`snapshot\``);
    await queryRunner.query(`DROP TABLE \`snapshot\``);
    await queryRunner.query(`DROP INDEX \`ix_commit_workspace\` ON \`commit\``);
    await queryRunner.query(`DROP TABLE \`commit\``);
    await queryRunner.query(`DROP INDEX \`ix_outbox_space\` ON \`outbox_message\``);
    await queryRunner.query(`DROP TABLE \`outbox_message\``);
    await queryRunner.query(`DROP TABLE \`space\``);
    await queryRunner.query(`DROP INDEX \`uq_membership_space_user\` ON \`membership\``);
    await queryRunner.query(`DROP INDEX \`ix_membership_user\` ON \`membership\``);
    await queryRunner.query(`DROP TABLE \`membership\``);
    await queryRunner.query(`DROP INDEX \`ix_invitation_space\` ON \`invitation\``);
    await queryRunner.query(`DROP INDEX \`uq_invitation_token\` ON \`invitation\``);
    await queryRunner.query(`DROP TABLE \`invitation\``);
    await queryRunner.query(`DROP INDEX \`uq_user_email\` ON \`user\``);
    await queryRunner.query(`DROP TABLE \`user\``);
    await queryRunner.query(`DROP INDEX \`ix_auth_token_user\` ON \`auth_token\``);
    await queryRunner.query(`DROP INDEX \`uq_auth_token_hash\` ON \`auth_token\``);
    await queryRunner.query(`DROP TABLE \`auth_token\``);
  }
}
