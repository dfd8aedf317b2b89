process.env.STAGECOACH_DIALECT = 'mysql';
