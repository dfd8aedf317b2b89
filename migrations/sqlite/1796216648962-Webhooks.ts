import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796216648962 implements MigrationInterface {
  name = 'Webhooks1796216648962';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "endpointId" varchar(36) NOT NULL, "spaceId" varchar(36) NOT NULL, "eventType" varchar(64) NOT NULL, "payload" text NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "retryUntil" datetime NOT NULL, "leaseOwner" varchar(64), "leaseExpiresAt" datetime, "lastAttemptAt" datetime, "lastResponseStatus" integer, "lastResponseBody" text, "lastDurationMs" integer, "lastError" text, "createdAt" datetime NOT NULL, "deliveredAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_endpoint" ON "webhook_delivery" ("endpointId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery" ("status", "nextAttemptAt") `);
    await queryRunner.query(`CREATE TABLE "webhook_endpoint" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "url" varchar(2000) NOT NULL, "description" varchar(300) NOT NULL DEFAULT (''), "events" text NOT NULL, "secret" varchar(100) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "failureCount" integer NOT NULL DEFAULT (0), "failingSince" datetime, "disabledReason" text, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_endpoint_space" ON "webhook_endpoint" ("spaceId", "enabled") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_webhook_endpoint_space"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
    await queryRunner.query(`DROP INDEX "ix_webhook_delivery_due"`);
    await queryRunner.query(`DROP INDEX "ix_webhook_delivery_endpoint"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
  }
}
