import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docs/deploy/docker-compose.yml cannot run here (no container runtime), so it
 * is read: every setting it gives a process is one that process reads, and the
 * addresses, ports, credentials and commands agree with each other.
 */
const REPO = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown> | string[];
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
  configs?: { source: string; target: string }[];
}
interface Compose {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
  volumes: Record<string, unknown>;
}

const compose = parse(read('docs/deploy/docker-compose.yml'), { merge: true }) as Compose;
const services = compose.services;
const serverConfig = read('server/src/config.ts');
const webSources = ['web/src/core/http/api-proxy.ts', 'web/src/core/graphql/subscription-url.ts'].map(read).join('\n');
const webPackage = JSON.parse(read('web/package.json')) as { scripts: Record<string, string> };
const serverPackage = JSON.parse(read('server/package.json')) as { main: string };

const roles = (role: string) => Object.keys(services).filter((name) => services[name].environment?.STAGECOACH_ROLE === role);
const stagecoach = [...roles('api'), ...roles('worker')];
const dependsOn = (service: Service) => (Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {}));

describe('docs/deploy/docker-compose.yml', () => {
  it('has the services db, redis, s3, two API processes, two workers and the dashboard', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['db', 'redis', 's3', 'web']));
    expect(roles('api')).toHaveLength(2);
    expect(roles('worker')).toHaveLength(2);
  });

  it('gives API and worker processes only settings the server reads, each process its own data volume', () => {
    const volumes = new Set<string>();
    for (const name of stagecoach) {
      const env = services[name].environment!;
      for (const setting of Object.keys(env)) {
        expect({ service: name, setting, read: new RegExp(`\\b${setting}\\b`).test(serverConfig) }).toEqual({ service: name, setting, read: true });
      }
      const volume = services[name].volumes![0].split(':');
      expect(volume[1]).toBe(env.DATA_DIR);
      expect(compose.volumes).toHaveProperty(volume[0]);
      volumes.add(volume[0]);
    }
    expect(volumes.size).toBe(stagecoach.length);
  });

  it('starts the built server and probes readiness on the port it listens on', () => {
    for (const name of stagecoach) {
      const service = services[name];
      expect(service.command).toEqual(['node', `server/${serverPackage.main}`]);
      expect(service.environment!.HOST).toBe('0.0.0.0');
      expect(service.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${service.environment!.PORT}/readyz`);
      expect(dependsOn(service)).toEqual(expect.arrayContaining(['db', 'redis']));
    }
  });

  it('points every process at the database, Redis and bucket the services provide, with their credentials', () => {
    const db = services.db.environment!;
    const s3 = services.s3;
    const s3Port = s3.command![s3.command!.indexOf('--address') + 1].replace(/^:/, '');
    const bucketMade = services['s3-bucket'].entrypoint!.join(' ');
    for (const name of stagecoach) {
      const env = services[name].environment!;
      const database = new URL(env.DATABASE_URL);
      expect([database.hostname, database.port, database.username, database.password, database.pathname]).toEqual([
        'db',
        '3306',
        db.MARIADB_USER,
        db.MARIADB_PASSWORD,
        `/${db.MARIADB_DATABASE}`,
      ]);
      expect(new URL(env.REDIS_URL).hostname).toBe('redis');
      const endpoint = new URL(env.S3_ENDPOINT);
      expect([endpoint.hostname, endpoint.port]).toEqual(['s3', s3Port]);
      expect([env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY]).toEqual([s3.environment!.MINIO_ROOT_USER, s3.environment!.MINIO_ROOT_PASSWORD]);
      const bucket = /^s3:\/\/([^/]+)/.exec(env.BLOB_STORE)![1];
      expect(bucketMade).toContain(`mb --ignore-existing here/${bucket}`);
      expect(dependsOn(services[name])).toContain('s3-bucket');
    }
  });

  it('runs the dashboard with settings it reads, behind a proxy that spreads API traffic over both API processes', () => {
    const web = services.web;
    expect(web.command).toEqual(['npm', 'run', 'start', '--workspace', 'web']);
    expect(webPackage.scripts.start).toContain('WEB_PORT');
    for (const setting of Object.keys(web.environment!).filter((s) => !['NODE_ENV', 'WEB_PORT'].includes(s))) {
      expect({ setting, read: new RegExp(`\\b${setting}\\b`).test(webSources) }).toEqual({ setting, read: true });
    }
    const proxy = services.proxy;
    const [published, inside] = proxy.ports![0].split(':');
    const caddyfile = compose.configs[proxy.configs![0].source].content;
    expect(caddyfile).toContain(`:${inside} {`);
    for (const name of roles('api')) expect(caddyfile).toContain(`${name}:${services[name].environment!.PORT}`);
    expect(caddyfile).toContain(`reverse_proxy web:${web.environment!.WEB_PORT}`);
    expect(new URL(web.environment!.API_URL).host).toBe(`proxy:${inside}`);
    expect(web.environment!.WS_URL).toBe(`ws://localhost:${published}/graphql`);
    const env = services[roles('api')[0]].environment!;
    expect([env.PUBLIC_URL, env.WEB_URL]).toEqual([`http://localhost:${published}`, `http://localhost:${published}`]);
  });

  it('builds the image from a Dockerfile that builds every workspace', () => {
    const build = services[stagecoach[0]].build!;
    const dockerfile = read(path.join(path.relative(REPO, path.resolve(REPO, 'docs/deploy', build.context)), build.dockerfile));
    expect(dockerfile).toMatch(/npm ci && npx turbo run build/);
    expect(services.web.image).toBe(services[stagecoach[0]].image);
  });
});
