/**
 * Container image references, by the grammar of the distribution (Docker)
 * reference: `[registry[:port]/]path[:tag][@digest]`, with lower-case path
 * components. Validated here so a typo is refused when the configuration is
 * saved, not when a workspace later fails to start.
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})';
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);

/** Longest repository name registries accept. */
const MAX_NAME_LENGTH = 255;
/** Name, tag and digest at their longest; checked first so the pattern never scans a huge string. */
const MAX_REFERENCE_LENGTH = MAX_NAME_LENGTH + 1 + 128 + 1 + 135;

/**
 * Whether `reference` is a well-formed image reference, such as
 * `jupyter/scipy-notebook:2024-05-01` or
 * `registry.example.org/team/rstudio@sha256:<64 hex digits>`. A reference
 * without tag or digest is accepted, as registries resolve it to `latest`.
 */
export function isImageReference(reference: string): boolean {
  if (reference.length > MAX_REFERENCE_LENGTH) return false;
  const match = REFERENCE.exec(reference);
  return match !== null && match[1].length <= MAX_NAME_LENGTH;
}
