import { MigrationInterface, QueryRunner } from 'typeorm';

export class Lti1796216520642 implements MigrationInterface {
  name = 'Lti1796216520642';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`lti_context\` (\`id\` varchar(36) NOT NULL, \`platformId\` varchar(36) NOT NULL, \`contextId\` varchar(255) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`title\` varchar(255) NOT NULL, \`membershipsUrl\` varchar(1000) NULL, \`lineItemsUrl\` varchar(1000) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_lti_context_space\` (\`spaceId\`), UNIQUE INDEX \`uq_lti_context\` (\`platformId\`, \`contextId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`lti_key\` (\`id\` varchar(36) NOT NULL, \`publicJwk\` longtext NOT NULL, \`privateJwk\` longtext NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`retiredAt\` datetime(3) NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`lti_login\` (\`id\` varchar(36) NOT NULL, \`stateHash\` varchar(64) NOT NULL, \`nonce\` varchar(128) NOT NULL, \`platformId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_lti_login_state\` (\`stateHash\`), INDEX \`ix_lti_login_expiry\` (\`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`lti_platform\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`issuer\` varchar(255) NOT NULL, \`clientId\` varchar(255) NOT NULL, \`deploymentIds\` longtext NOT NULL, \`authUrl\` varchar(1000) NOT NULL, \`tokenUrl\` varchar(1000) NOT NULL, \`jwksUrl\` varchar(1000) NOT NULL, \`linkByEmail\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_lti_platform_client\` (\`issuer\`, \`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_lti_platform_client\` ON \`lti_platform\``);
    await queryRunner.query(`DROP TABLE \`lti_platform\``);
    await queryRunner.query(`DROP INDEX \`ix_lti_login_expiry\` ON \`lti_login\``);
    await queryRunner.query(`DROP INDEX \`uq_lti_login_state\` ON \`lti_login\``);
    await queryRunner.query(`DROP TABLE \`lti_login\``);
    await queryRunner.query(`DROP TABLE \`lti_key\``);
    await queryRunner.query(`DROP INDEX \`uq_lti_context\` ON \`lti_context\``);
    await queryRunner.query(`DROP INDEX \`ix_lti_context_space\` ON \`lti_context\``);
    await queryRunner.query(`DROP TABLE \`lti_context\``);
  }
}
