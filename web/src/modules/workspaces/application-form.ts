/**
 * The application editor's form state and its mapping to and from the
 * configuration JSON the API validates. The server is the judge: the form
 * sends what was typed (numbers as numbers when they parse) and shows the
 * server's issues beside the field each names.
 */

export const PACKAGE_MANAGERS = ['pip', 'conda', 'cran', 'apt', 'npm'] as const;

export interface PackageRow {
  name: string;
  version: string;
  manager: string;
}

export interface EnvRow {
  name: string;
  value: string;
}

export interface ApplicationForm {
  image: string;
  packages: PackageRow[];
  environment: EnvRow[];
  cpu: string;
  memoryMiB: string;
  gpu: string;
  /** One argument per line. */
  startCommand: string;
  /** Comma- or space-separated. */
  ports: string;
}

export interface ApplicationIssue {
  field: string;
  message: string;
}

export const EMPTY_APPLICATION: ApplicationForm = {
  image: '',
  packages: [],
  environment: [],
  cpu: '1',
  memoryMiB: '2048',
  gpu: '0',
  startCommand: '',
  ports: '',
};

const asString = (value: unknown): string => (value == null ? '' : String(value));

export function configToForm(config: Record<string, unknown>): ApplicationForm {
  const packages = Array.isArray(config.packages) ? config.packages : [];
  const environment = config.environment && typeof config.environment === 'object' ? config.environment : {};
  const resources = (config.resources && typeof config.resources === 'object' ? config.resources : {}) as Record<string, unknown>;
  return {
    image: asString(config.image),
    packages: packages.map((p) => {
      const row = (p ?? {}) as Record<string, unknown>;
      return { name: asString(row.name), version: asString(row.version), manager: asString(row.manager) || 'pip' };
    }),
    environment: Object.entries(environment as Record<string, unknown>).map(([name, value]) => ({ name, value: asString(value) })),
    cpu: asString(resources.cpu),
    memoryMiB: asString(resources.memoryMiB),
    gpu: asString(resources.gpu ?? 0),
    startCommand: (Array.isArray(config.startCommand) ? config.startCommand : []).map(asString).join('\n'),
    ports: (Array.isArray(config.ports) ? config.ports : []).map(asString).join(', '),
  };
}

/** A number when the text is one, else the text itself, so the server can name the field. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

export function formToConfig(form: ApplicationForm): Record<string, unknown> {
  return {
    image: form.image.trim(),
    packages: form.packages
      .filter((p) => p.name.trim() || p.version.trim())
      .map((p) => ({ name: p.name.trim(), version: p.version.trim(), manager: p.manager })),
    environment: Object.fromEntries(form.environment.filter((e) => e.name.trim()).map((e) => [e.name.trim(), e.value])),
    resources: { cpu: numberOrText(form.cpu), memoryMiB: numberOrText(form.memoryMiB), gpu: numberOrText(form.gpu) },
    startCommand: form.startCommand.split('\n').map((line) => line.trim()).filter(Boolean),
    ports: form.ports
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((p) => numberOrText(p)),
  };
}

/**
 * The form control a server field path belongs to. Package rows and
 * environment variables are addressed by index and name; anything deeper
 * (`packages[1].version`) lands on its own input.
 */
export function controlIdFor(field: string): string {
  if (field.startsWith('environment.')) return `app-env-${field.slice('environment.'.length)}`;
  const pkg = /^packages\[(\d+)\](?:\.(name|version|manager))?/.exec(field);
  if (pkg) return `app-packages-${pkg[1]}-${pkg[2] ?? 'name'}`;
  if (field.startsWith('startCommand')) return 'app-startCommand';
  if (field.startsWith('ports')) return 'app-ports';
  if (field.startsWith('resources.')) return `app-${field.slice('resources.'.length).split(/[.[]/)[0]}`;
  if (field === 'resources') return 'app-cpu';
  if (field === 'packages') return 'app-packages';
  if (field === 'environment') return 'app-environment';
  return field ? `app-${field.split(/[.[]/)[0]}` : 'app-image';
}

/** The issues from a refused save (`extensions.issues`), or the single `extensions.field` with the message. */
export function readIssues(issues: unknown, field: unknown, message: string | undefined): ApplicationIssue[] {
  if (Array.isArray(issues)) {
    return issues
      .filter((i): i is { field: unknown; message: unknown } => typeof i === 'object' && i !== null)
      .map((i) => ({ field: String(i.field ?? ''), message: String(i.message ?? '') }));
  }
  if (typeof field === 'string') return [{ field, message: message ?? '' }];
  return [];
}

/**
 * Issues grouped by the control they belong to. Package indices refer to the
 * rows as sent (the server validates before it sorts packages).
 */
export function issuesByControl(issues: readonly ApplicationIssue[]): Map<string, ApplicationIssue[]> {
  const map = new Map<string, ApplicationIssue[]>();
  for (const issue of issues) {
    const id = controlIdFor(issue.field);
    map.set(id, [...(map.get(id) ?? []), issue]);
  }
  return map;
}
