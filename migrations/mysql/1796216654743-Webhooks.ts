import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796216654743 implements MigrationInterface {
  name = 'Webhooks1796216654743';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`webhook_delivery\` (\`id\` varchar(36) NOT NULL, \`endpointId\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`eventType\` varchar(64) NOT NULL, \`payload\` mediumtext NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime(3) NOT NULL, \`retryUntil\` datetime(3) NOT NULL, \`leaseOwner\` varchar(64) NULL, \`leaseExpiresAt\` datetime(3) NULL, \`lastAttemptAt\` datetime(3) NULL, \`lastResponseStatus\` int NULL, \`lastResponseBody\` mediumtext NULL, \`lastDurationMs\` int NULL, \`lastError\` mediumtext NULL, \`createdAt\` datetime(3) NOT NULL, \`deliveredAt\` datetime(3) NULL, INDEX \`ix_webhook_delivery_endpoint\` (\`endpointId\`, \`createdAt\`), INDEX \`ix_webhook_delivery_due\` (\`status\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`webhook_endpoint\` (\`id\` varchar(36) NOT NULL, \`spaceId\` varchar(36) NOT NULL, \`url\` varchar(2000) NOT NULL, \`description\` varchar(300) NOT NULL DEFAULT '', \`events\` longtext NOT NULL, \`secret\` varchar(100) NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`failureCount\` int NOT NULL DEFAULT '0', \`failingSince\` datetime(3) NULL, \`disabledReason\` mediumtext NULL, \`createdById\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_webhook_endpoint_space\` (\`spaceId\`, \`enabled\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_webhook_endpoint_space\` ON \`webhook_endpoint\``);
    await queryRunner.query(`DROP TABLE \`webhook_endpoint\``);
    await queryRunner.query(`DROP INDEX \`ix_webhook_delivery_due\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP INDEX \`ix_webhook_delivery_endpoint\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP TABLE \`webhook_delivery\``);
  }
}
