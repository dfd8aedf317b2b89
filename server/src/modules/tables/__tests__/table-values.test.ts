import { formatCell, inferColumnType, isCellOfType, parseCell } from '../table-values';

describe('inferColumnType', () => {
  it.each([
    [['1', '-2', '+3', '9007199254740991'], 'INTEGER'],
    [['1', '2.5'], 'FLOAT'],
    [['1e3', '-.5', '6.02E23', '0.0'], 'FLOAT'],
    [['true', 'False', 'TRUE'], 'BOOLEAN'],
    [['2024-02-29', '2000-02-29'], 'DATE'],
    [['2024-05-01T09:30', '2024-05-01 09:30:15.123456', '2024-05-01T09:30:00Z', '2024-05-01T09:30:00+0530'], 'DATETIME'],
    [['1', 'x'], 'STRING'],
    [['true', '1'], 'STRING'],
    [['2024-05-01', '2024-05-01T10:00'], 'STRING'],
    [[], 'STRING'],
    [['', ''], 'STRING'],
    [['', '5', ''], 'INTEGER'],
  ] as const)('%j is %s', (values, type) => {
    expect(inferColumnType(values)).toBe(type);
  });

  it.each([
    ['leading zeros', ['007', '12']],
    ['a leading zero before a fraction', ['00.5']],
    ['an integer beyond 2^53', ['9007199254740993']],
    ['not-a-number words', ['NaN', 'Infinity']],
    ['a number that overflows', ['1e400']],
    ['an impossible date', ['2023-02-29']],
    ['month 13', ['2024-13-01']],
    ['hour 24', ['2024-05-01T24:00:00']],
    ['a surrounding space', [' 42']],
    ['yes/no', ['yes', 'no']],
  ])('keeps %s as STRING', (_why, values) => {
    expect(inferColumnType(values)).toBe('STRING');
  });
});

describe('parseCell', () => {
  it('accepts leading zeros when the type is stated, and never yields -0', () => {
    expect(parseCell('INTEGER', '007')).toBe(7);
    expect(Object.is(parseCell('INTEGER', '-0'), 0)).toBe(true);
    expect(Object.is(parseCell('FLOAT', '-0.0'), 0)).toBe(true);
  });

  it('normalises date-times: T separator, seconds, fraction without trailing zeros, zone to UTC', () => {
    expect(parseCell('DATETIME', '2024-05-01t09:30z')).toBe('2024-05-01T09:30:00Z');
    expect(parseCell('DATETIME', '2024-05-01 09:30:00,120')).toBe('2024-05-01T09:30:00.12');
    expect(parseCell('DATETIME', '2024-05-01T09:30:00.000000')).toBe('2024-05-01T09:30:00');
    expect(parseCell('DATETIME', '2024-03-01T01:00:00+02')).toBe('2024-02-29T23:00:00Z');
    expect(parseCell('DATETIME', '0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00Z');
    expect(parseCell('DATETIME', '9999-12-31T23:00:00-02:00')).toBeUndefined();
    expect(parseCell('DATETIME', '2024-05-01T09:30:00+25:00')).toBeUndefined();
  });

  it('takes a whole decimal as INTEGER only when the type is stated', () => {
    expect(parseCell('INTEGER', '1990.0')).toBe(1990);
    expect(parseCell('INTEGER', '-3.')).toBe(-3);
    expect(parseCell('INTEGER', '1990.5')).toBeUndefined();
    expect(parseCell('INTEGER', '1e3')).toBeUndefined();
    expect(inferColumnType(['1990.0', '2001.0'])).toBe('FLOAT');
  });

  it('reads booleans case-insensitively', () => {
    expect(parseCell('BOOLEAN', 'TrUe')).toBe(true);
    expect(parseCell('BOOLEAN', 'no')).toBeUndefined();
  });
});

describe('isCellOfType', () => {
  it('accepts only stored forms', () => {
    expect(isCellOfType('INTEGER', 1.5)).toBe(false);
    expect(isCellOfType('FLOAT', Number.POSITIVE_INFINITY)).toBe(false);
    expect(isCellOfType('DATE', '2024-5-1')).toBe(false);
    expect(isCellOfType('DATETIME', '2024-05-01T09:30')).toBe(false);
    expect(isCellOfType('DATETIME', '2024-05-01T09:30:00')).toBe(true);
    expect(isCellOfType('BOOLEAN', 'true')).toBe(false);
    expect(isCellOfType('STRING', null)).toBe(true);
  });
});

describe('formatCell', () => {
  it('writes whole FLOATs with a fraction and keeps exponents', () => {
    expect(formatCell('FLOAT', 3)).toBe('3.0');
    expect(formatCell('FLOAT', 1e21)).toBe('1e+21');
    expect(formatCell('INTEGER', 3)).toBe('3');
    expect(formatCell('BOOLEAN', false)).toBe('false');
    expect(formatCell('DATE', null)).toBe('');
  });
});
