import { MigrationInterface, QueryRunner } from 'typeorm';

export class SingleSignOn1796150155158 implements MigrationInterface {
  name = 'SingleSignOn1796150155158';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_attempt" ("id" varchar(36) PRIMARY KEY NOT NULL, "keyHash" varchar(64) NOT NULL, "issuerId" varchar(40) NOT NULL, "state" varchar(128) NOT NULL, "nonce" varchar(128) NOT NULL, "codeVerifier" varchar(128) NOT NULL, "invite" varchar(255), "next" varchar(1000), "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_in_attempt_key" ON "sign_in_attempt" ("keyHash") `);
    await queryRunner.query(`CREATE INDEX "ix_sign_in_attempt_expiry" ON "sign_in_attempt" ("expiresAt") `);
    await queryRunner.query(`CREATE TABLE "user_identity" ("id" varchar(36) PRIMARY KEY NOT NULL, "issuer" varchar(255) NOT NULL, "subject" varchar(255) NOT NULL, "userId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_user_identity_user" ON "user_identity" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_identity_subject" ON "user_identity" ("issuer", "subject") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_user_identity_subject"`);
    await queryRunner.query(`DROP INDEX "ix_user_identity_user"`);
    await queryRunner.query(`DROP TABLE "user_identity"`);
    await queryRunner.query(`DROP INDEX "ix_sign_in_attempt_expiry"`);
    await queryRunner.query(`DROP INDEX "uq_sign_in_attempt_key"`);
    await queryRunner.query(`DROP TABLE "sign_in_attempt"`);
  }
}
