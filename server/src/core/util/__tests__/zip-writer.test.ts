import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { ZipWriter } from '../zip-writer';

/** Names in a zip's central directory (signature 0x02014b50, name length at +28, name at +46). */
function centralNames(zip: Buffer): string[] {
  const names: string[] = [];
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    names.push(zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)));
  }
  return names;
}

describe('ZipWriter', () => {
  it('holds one file open at a time, with other entries queued between files', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    const zip = new ZipWriter(out);
    let open = 0;
    let most = 0;
    const source = (text: string) => async () => {
      open++;
      most = Math.max(most, open);
      const stream = Readable.from([Buffer.from(text.repeat(10_000))]);
      stream.on('end', () => open--);
      return stream;
    };
    zip.text('manifest.csv', 'a,b\r\n');
    for (let i = 0; i < 20; i++) {
      zip.folder(`s${i}`);
      zip.text(`s${i}/notes.txt`, randomBytes(256 * 1024));
      await zip.file(`s${i}/files/a.txt`, source(`student ${i} `));
    }
    await zip.finish();
    await ended;
    expect(most).toBe(1);
    const names = centralNames(Buffer.concat(chunks));
    expect(names).toHaveLength(1 + 20 * 3);
    expect(names).toContain('s7/notes.txt');
    expect(names).toContain('s7/files/a.txt');
  });

  it('stops and closes the file being read when the download goes away', async () => {
    const out = new PassThrough();
    const zip = new ZipWriter(out);
    // A source that never ends, like a client that stopped reading.
    const endless = new Readable({ read() {} });
    const pending = zip.file('big.bin', async () => endless);
    out.destroy();
    await expect(pending).rejects.toThrow(/closed before the zip was complete/);
    expect(endless.destroyed).toBe(true);
    await expect(zip.file('next.txt', async () => Readable.from(['x']))).rejects.toThrow();
  });
});
