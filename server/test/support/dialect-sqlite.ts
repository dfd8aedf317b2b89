process.env.STAGECOACH_DIALECT = 'sqlite';
