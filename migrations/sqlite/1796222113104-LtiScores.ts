import { MigrationInterface, QueryRunner } from 'typeorm';

export class LtiScores1796222113104 implements MigrationInterface {
  name = 'LtiScores1796222113104';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lti_score" ("id" varchar(36) PRIMARY KEY NOT NULL, "platformId" varchar(36) NOT NULL, "contextId" varchar(36) NOT NULL, "spaceId" varchar(36) NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "subject" varchar(255) NOT NULL, "kind" varchar(16) NOT NULL, "payload" text NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "retryUntil" datetime NOT NULL, "leaseOwner" varchar(64), "leaseExpiresAt" datetime, "lastAttemptAt" datetime, "lastResponseStatus" integer, "lastResponseBody" text, "lastError" text, "createdAt" datetime NOT NULL, "sentAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_lti_score_student" ON "lti_score" ("assignmentId", "studentId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "ix_lti_score_due" ON "lti_score" ("status", "nextAttemptAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_lti_score_due"`);
    await queryRunner.query(`DROP INDEX "ix_lti_score_student"`);
    await queryRunner.query(`DROP TABLE "lti_score"`);
  }
}
