import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationLink1796101704769 implements MigrationInterface {
  name = 'NotificationLink1796101704769';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Adding a nullable column needs no table rebuild in SQLite.
    await queryRunner.query(`ALTER TABLE "notification" ADD COLUMN "link" varchar(300)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_notification_user"`);
    await queryRunner.query(`ALTER TABLE "notification" RENAME TO "temporary_notification"`);
    await queryRunner.query(`CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "spaceId" varchar(36), "kind" varchar(32) NOT NULL, "title" varchar(300) NOT NULL, "body" text NOT NULL, "distributionId" varchar(36), "actorId" varchar(36), "createdAt" datetime NOT NULL, "readAt" datetime)`);
    await queryRunner.query(`INSERT INTO "notification"("id", "userId", "spaceId", "kind", "title", "body", "distributionId", "actorId", "createdAt", "readAt") SELECT "id", "userId", "spaceId", "kind", "title", "body", "distributionId", "actorId", "createdAt", "readAt" FROM "temporary_notification"`);
    await queryRunner.query(`DROP TABLE "temporary_notification"`);
    await queryRunner.query(`CREATE INDEX "ix_notification_user" ON "notification" ("userId", "createdAt") `);
  }
}
