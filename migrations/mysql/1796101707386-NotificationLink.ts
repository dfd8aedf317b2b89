import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationLink1796101707386 implements MigrationInterface {
  name = 'NotificationLink1796101707386';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification\` ADD \`link\` varchar(300) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`link\``);
  }
}
