import { formatSize, uploadTooLarge } from '../upload-limit';

describe('upload limit wording', () => {
  it.each([
    [700, '700 bytes'],
    [1024, '1 KB'],
    [5 * 1024 ** 2, '5 MB'],
    [2.5 * 1024 ** 2, '2.5 MB'],
    [5 * 1024 ** 3, '5 GB'],
    [1.25 * 1024 ** 3, '1.3 GB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });

  it('names the limit, the declared size and what to do', () => {
    const error = uploadTooLarge(5 * 1024 ** 3, 6 * 1024 ** 3);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'this upload is 6 GB, larger than the limit of 5 GB per file: split or compress it, or ask the administrator of this Stagecoach server to raise MAX_UPLOAD_BYTES',
    );
    expect(error.details).toEqual({ limitBytes: 5 * 1024 ** 3 });
  });
});
