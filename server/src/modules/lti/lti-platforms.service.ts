import { randomUUID } from 'node:crypto';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { refuseFormatCharacters } from '../../core/labels';
import { mayManageLtiPlatforms } from '../../core/policy/lti';
import type { Actor } from '../../core/policy/actor';
import type { Access } from '../spaces/access';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/database';
import { LtiPlatform } from './lti-platform.entity';

export interface PlatformInput {
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  linkByEmail?: boolean | null;
}

export type PlatformChanges = Partial<{ [K in keyof PlatformInput]: PlatformInput[K] | null }>;

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${field} must not be empty`);
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters long`);
  refuseFormatCharacters(trimmed, field);
  return trimmed;
}

/**
 * Registering learning management systems. Only instance admins (see
 * core/policy/lti.ts). Every field is checked before anything is stored, and
 * a refusal names the field.
 */
export class LtiPlatformsService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly production: boolean,
  ) {}

  async list(actor: Actor | null): Promise<LtiPlatform[]> {
    this.admin(actor, false);
    return this.db.manager.find(LtiPlatform, { order: { name: 'ASC', id: 'ASC' } });
  }

  async register(actor: Actor | null, input: PlatformInput): Promise<LtiPlatform> {
    this.admin(actor, true);
    const now = new Date();
    const platform = Object.assign(new LtiPlatform(), { id: randomUUID(), ...this.checked(input), createdAt: now, updatedAt: now });
    await this.store(platform, () => this.db.manager.insert(LtiPlatform, platform));
    return platform;
  }

  /** One registered platform; instance admins only, as `list`. */
  async get(actor: Actor | null, id: string, write = false): Promise<LtiPlatform> {
    this.admin(actor, write);
    const platform = await this.db.manager.findOne(LtiPlatform, { where: { id } });
    if (!platform) throw notFound(`there is no registered platform ${id}`);
    return platform;
  }

  async update(actor: Actor | null, id: string, changes: PlatformChanges): Promise<LtiPlatform> {
    const platform = await this.get(actor, id, true);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null && value !== undefined));
    const next = this.checked({ ...platform, ...given } as PlatformInput);
    Object.assign(platform, next, { updatedAt: new Date() });
    await this.store(platform, () => this.db.manager.update(LtiPlatform, { id }, { ...next, updatedAt: platform.updatedAt }));
    return platform;
  }

  private admin(actor: Actor | null, write: boolean): Actor {
    const a = write ? this.policy.requireWritable(actor) : this.policy.requireActor(actor);
    if (!mayManageLtiPlatforms(a.user)) throw forbidden('only an instance admin can register learning management systems');
    return a;
  }

  private async store(platform: LtiPlatform, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`a platform with issuer ${platform.issuer} and client id ${platform.clientId} is registered already`);
      throw error;
    }
  }

  private checked(input: PlatformInput): Omit<LtiPlatform, 'id' | 'createdAt' | 'updatedAt'> {
    const deploymentIds = [...new Set(input.deploymentIds.map((id, index) => text(id, `deploymentIds[${index}]`, 255)))];
    if (!deploymentIds.length) throw badInput('deploymentIds must list at least one deployment id (the platform shows it when the tool is deployed)');
    return {
      name: text(input.name, 'name', 100),
      issuer: this.url(input.issuer, 'issuer', 255),
      clientId: text(input.clientId, 'clientId', 255),
      deploymentIds,
      authUrl: this.url(input.authUrl, 'authUrl', 1000),
      tokenUrl: this.url(input.tokenUrl, 'tokenUrl', 1000),
      jwksUrl: this.url(input.jwksUrl, 'jwksUrl', 1000),
      linkByEmail: input.linkByEmail ?? false,
    };
  }

  /** An https URL (plain http outside production, for platforms on this machine). */
  private url(value: string, field: string, max: number): string {
    const trimmed = text(value, field, max);
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw badInput(`${field} must be a URL such as https://canvas.example.edu, not '${trimmed}'`);
    }
    const allowed = this.production ? ['https:'] : ['https:', 'http:'];
    if (!allowed.includes(parsed.protocol)) throw badInput(`${field} must be an ${this.production ? 'https' : 'http(s)'} URL, not '${trimmed}'`);
    return trimmed;
  }
}
