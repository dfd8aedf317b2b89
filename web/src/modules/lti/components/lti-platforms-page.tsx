'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { FormEnd } from '../../accounts/components/form-end';
import { ErrorNotice } from '../../shell/components/error-notice';
import { CopyField } from '../../ui/components/copy-field';
import { TableHead } from '../../ui/components/table-head';
import { LtiPlatformsQuery, RegisterLtiPlatformMutation } from '../graphql/lti-platforms';

const FIELDS = [
  { key: 'name', label: 'Name', hint: 'How this platform is named here, e.g. “University Canvas”.' },
  { key: 'issuer', label: 'Issuer', hint: 'Canvas cloud: https://canvas.instructure.com; Moodle: the site address.' },
  { key: 'clientId', label: 'Client ID', hint: 'Canvas: the developer key’s ID; Moodle: the tool’s Client ID.' },
  { key: 'deploymentIds', label: 'Deployment IDs', hint: 'One or more, separated by commas.' },
  { key: 'authUrl', label: 'Platform’s authentication request URL', hint: 'Canvas: https://sso.canvaslms.com/api/lti/authorize_redirect; Moodle: …/mod/lti/auth.php' },
  { key: 'tokenUrl', label: 'Platform’s access token URL', hint: 'Canvas: https://sso.canvaslms.com/login/oauth2/token; Moodle: …/mod/lti/token.php' },
  { key: 'jwksUrl', label: 'Platform’s public keyset URL', hint: 'Canvas: https://sso.canvaslms.com/api/lti/security/jwks; Moodle: …/mod/lti/certs.php' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const id = useId();
  const [values, setValues] = useState<Record<Key, string>>({ name: '', issuer: '', clientId: '', deploymentIds: '', authUrl: '', tokenUrl: '', jwksUrl: '' });
  const [linkByEmail, setLinkByEmail] = useState(false);
  const [done, setDone] = useState('');
  const [{ fetching, error }, register] = useMutation(RegisterLtiPlatformMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    setDone('');
    const deploymentIds = values.deploymentIds.split(',').map((d) => d.trim()).filter(Boolean);
    const result = await register({ input: { ...values, deploymentIds, linkByEmail } });
    if (result.data) {
      setDone(`${result.data.registerLtiPlatform.name} is registered; it can launch Stagecoach now.`);
      onRegistered();
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Register a platform</h2>
      <p className="hint">Copy these from the platform once Stagecoach is added there.</p>
      {FIELDS.map((field) => (
        <div className="field" key={field.key}>
          <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
          <input
            id={`${id}-${field.key}`}
            required
            value={values[field.key]}
            onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
            aria-describedby={`${id}-${field.key}-hint`}
          />
          <span id={`${id}-${field.key}-hint`} className="hint">
            {field.hint}
          </span>
        </div>
      ))}
      <div className="choice">
        <input id={`${id}-email`} type="checkbox" checked={linkByEmail} onChange={(e) => setLinkByEmail(e.target.checked)} />
        <label htmlFor={`${id}-email`}>Trust the platform’s e-mail addresses: a first launch joins the account that has the same address</label>
      </div>
      <FormEnd error={error} done={done} busy={fetching} label="Register platform" busyLabel="Registering…" />
    </form>
  );
}

/** Learning management systems: the values to paste into them, the ones registered here, and a form to register one. */
export function LtiPlatformsPage() {
  const { data, error, reload } = useSessionQuery({ query: LtiPlatformsQuery });
  const settings = data?.ltiToolSettings;
  const platforms = data?.ltiPlatforms ?? [];
  return (
    <>
      <h1>Learning management systems</h1>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {settings ? (
        <section className="section" aria-labelledby="tool-heading">
          <h2 id="tool-heading">Values to paste into Canvas or Moodle</h2>
          <p className="hint">Canvas: Admin → Developer Keys → + LTI Key, method “Enter URL” with the configuration URL. Moodle: Site administration → Plugins → External tool → Manage tools → configure a tool manually (LTI 1.3).</p>
          <CopyField label="Configuration URL (Canvas “Enter URL”)" value={settings.configUrl} />
          <CopyField label="Tool URL / Target link URI / Redirect URI" value={settings.launchUrl} />
          <CopyField label="OpenID Connect login initiation URL" value={settings.loginUrl} />
          <CopyField label="Public keyset URL" value={settings.jwksUrl} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="platforms-heading">
        <h2 id="platforms-heading">Registered platforms</h2>
        {platforms.length === 0 ? (
          <p className="muted">No platform is registered yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Registered platforms</caption>
            <TableHead columns={['Name', 'Issuer', 'Client ID', 'Deployments', 'E-mail addresses']} />
            <tbody>
              {platforms.map((platform) => (
                <tr key={platform.id}>
                  <td>{platform.name}</td>
                  <td>{platform.issuer}</td>
                  <td>{platform.clientId}</td>
                  <td>{platform.deploymentIds.join(', ')}</td>
                  <td>{platform.linkByEmail ? 'Trusted' : 'Not trusted'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {settings ? <RegisterForm onRegistered={reload} /> : null}
    </>
  );
}
