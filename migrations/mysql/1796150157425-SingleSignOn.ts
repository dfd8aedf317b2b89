import { MigrationInterface, QueryRunner } from 'typeorm';

export class SingleSignOn1796150157425 implements MigrationInterface {
  name = 'SingleSignOn1796150157425';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`sign_in_attempt\` (\`id\` varchar(36) NOT NULL, \`keyHash\` varchar(64) NOT NULL, \`issuerId\` varchar(40) NOT NULL, \`state\` varchar(128) NOT NULL, \`nonce\` varchar(128) NOT NULL, \`codeVerifier\` varchar(128) NOT NULL, \`invite\` varchar(255) NULL, \`next\` varchar(1000) NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_sign_in_attempt_key\` (\`keyHash\`), INDEX \`ix_sign_in_attempt_expiry\` (\`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user_identity\` (\`id\` varchar(36) NOT NULL, \`issuer\` varchar(255) NOT NULL, \`subject\` varchar(255) NOT NULL, \`userId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_user_identity_user\` (\`userId\`), UNIQUE INDEX \`uq_user_identity_subject\` (\`issuer\`, \`subject\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_user_identity_subject\` ON \`user_identity\``);
    await queryRunner.query(`DROP INDEX \`ix_user_identity_user\` ON \`user_identity\``);
    await queryRunner.query(`DROP TABLE \`user_identity\``);
    await queryRunner.query(`DROP INDEX \`ix_sign_in_attempt_expiry\` ON \`sign_in_attempt\``);
    await queryRunner.query(`DROP INDEX \`uq_sign_in_attempt_key\` ON \`sign_in_attempt\``);
    await queryRunner.query(`DROP TABLE \`sign_in_attempt\``);
  }
}
