import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackVersion1796106566573 implements MigrationInterface {
  name = 'FeedbackVersion1796106566573';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`grade\` ADD \`feedbackVersion\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`grade\` ADD \`feedbackChangedById\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`grade\` ADD \`feedbackChangedAt\` datetime(3) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`grade\` DROP COLUMN \`feedbackChangedAt\``);
    await queryRunner.query(`ALTER TABLE \`grade\` DROP COLUMN \`feedbackChangedById\``);
    await queryRunner.query(`ALTER TABLE \`grade\` DROP COLUMN \`feedbackVersion\``);
  }
}
