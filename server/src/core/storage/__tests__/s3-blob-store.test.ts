import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, S3BlobStore } from '../s3-blob-store';
import { blobStoreContract, collect, listAll, sha256 } from './blob-store.contract';
import { startS3Server, type TestS3Server } from './s3-server';

let server: TestS3Server;
let client: S3Client;
let run = 0;

beforeAll(async () => {
  server = await startS3Server();
  client = createS3Client(server.config());
});

afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix, ...(after ? { StartAfter: after } : {}) }));
    for (const item of page.Contents ?? []) keys.push(item.Key!.slice(prefix.length));
    if (!page.IsTruncated) return keys;
    after = page.Contents![page.Contents!.length - 1].Key;
  }
}

/** Each test gets a prefix of its own in the shared server's bucket. */
function openStore(options: { partSize?: number; listPageSize?: number } = {}) {
  const prefix = `run-${++run}/blobs`;
  const store = new S3BlobStore(client, { bucket: server.bucket, prefix, ...options });
  const keyOf = (id: string) => `${prefix}/${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
  return { prefix, store, keyOf };
}

blobStoreContract('S3BlobStore', async () => {
  const { prefix, store, keyOf } = openStore();
  return {
    store,
    temporaries: () => keysUnder(`${prefix}/tmp/`),
    async leaveTemporary(name, when) {
      await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${prefix}/tmp/${name}`, Body: 'left by a crash' }));
      await utimes(server.objectPath(`${prefix}/tmp/${name}`), when, when);
    },
    async damage(id, change) {
      const file = server.objectPath(keyOf(id));
      await writeFile(file, change(await readFile(file)));
      // The server caches the object's MD5 (its ETag) beside it.
      await rm(`${file.slice(0, -'object'.length)}object.md5`, { force: true });
    },
    age: (id, when) => utimes(server.objectPath(keyOf(id)), when, when),
    quarantined: () => keysUnder(`${prefix}/quarantine/`),
    close: async () => undefined,
  };
});

describe('S3BlobStore', () => {
  it('uploads a blob larger than a part in several parts, and keeps it under its hash in the folder layout', async () => {
    const { prefix, store } = openStore({ partSize: 5 * 1024 * 1024 });
    const content = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4) content.writeUInt32LE(i, i);
    const result = await store.put(Readable.from([content.subarray(0, 7_000_000), content.subarray(7_000_000)]));
    expect(result).toEqual({ id: sha256(content), size: content.length, created: true });
    expect(await keysUnder(`${prefix}/`)).toEqual([`${result.id.slice(0, 2)}/${result.id.slice(2, 4)}/${result.id}`]);
    expect((await collect(await store.openRead(result.id))).equals(content)).toBe(true);
    expect(await collect(await store.openRange(result.id, 5 * 1024 * 1024 - 3, 5 * 1024 * 1024 + 3))).toEqual(
      content.subarray(5 * 1024 * 1024 - 3, 5 * 1024 * 1024 + 3),
    );
  });

  it('lists page after page, skipping temporary and quarantined objects', async () => {
    const { prefix, store } = openStore({ listPageSize: 7 });
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => store.putBuffer(`blob ${i}`)));
    await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${prefix}/quarantine/${ids[0].id}.1`, Body: 'x' }));
    await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${prefix}/ab/cd/${sha256('elsewhere')}`, Body: 'x' }));
    expect(await listAll(store)).toEqual(ids.map((r) => r.id).sort());
  });

  it('keeps the blobs of two prefixes apart', async () => {
    const a = openStore().store;
    const b = openStore().store;
    const { id } = await a.putBuffer('only in a');
    expect(await b.stat(id)).toBeNull();
    expect(await listAll(b)).toEqual([]);
  });

  it('repairs a damaged copy in place when the right bytes are uploaded again', async () => {
    const { store, keyOf } = openStore();
    const content = Buffer.alloc(1000, 'x');
    const { id } = await store.putBuffer(content);
    const file = server.objectPath(keyOf(id));
    const bytes = await readFile(file);
    bytes[3] ^= 0xff;
    await writeFile(file, bytes);
    await rm(`${file}.md5`, { force: true });
    await store.put(Readable.from([content]));
    expect(await store.check(id)).toEqual({ ok: true, size: 1000 });
  });
});
