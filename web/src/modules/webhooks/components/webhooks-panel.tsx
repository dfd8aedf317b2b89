'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import {
  CreateWebhookMutation,
  DeleteWebhookMutation,
  ReplayWebhookMutation,
  SendTestWebhookMutation,
  UpdateWebhookMutation,
  WebhookDeliveriesQuery,
  WebhooksQuery,
} from '../graphql/webhooks.operations';
import { WEBHOOK_EVENT_CHOICES } from './webhook-events';

/**
 * A space's webhook endpoints for its admins: add one (its secret is shown
 * once), enable or disable, test, delete, and follow each endpoint's
 * deliveries with the answer they got, replaying any of them.
 */
export function WebhooksPanel({ spaceId }: { spaceId: string }) {
  const id = useId();
  const endpoints = useSessionQuery({ query: WebhooksQuery, variables: { spaceId } });
  const [created, create] = useMutation(CreateWebhookMutation);
  const [updated, update] = useMutation(UpdateWebhookMutation);
  const [removed, remove] = useMutation(DeleteWebhookMutation);
  const [tested, sendTest] = useMutation(SendTestWebhookMutation);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSecret(null);
    const result = await create({ input: { spaceId, url, events, description: description || null } });
    if (result.data) {
      setSecret(result.data.createWebhook.secret);
      setOpen(result.data.createWebhook.endpoint.id);
      setUrl('');
      setDescription('');
      setEvents([]);
      endpoints.reload();
    }
  }

  const list = endpoints.data?.webhooks ?? [];
  const error = updated.error ?? removed.error ?? tested.error;
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <div className="section__header">
        <h2 id={`${id}-heading`}>Webhooks</h2>
      </div>
      <p className="muted">
        Stagecoach POSTs each chosen event to the endpoint as JSON, signed in the Standard Webhooks layout with the endpoint&apos;s secret, and retries
        failed deliveries for a day.
      </p>
      {endpoints.error ? <ErrorNotice error={endpoints.error} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {list.length === 0 && endpoints.data ? <p>No webhooks yet.</p> : null}
      {list.length ? (
        <table className="table">
          <caption className="visually-hidden">Endpoints</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((w) => (
              <tr key={w.id}>
                <td>
                  <code>{w.url}</code>
                  {w.description ? <div className="muted">{w.description}</div> : null}
                </td>
                <td>{w.events.join(', ')}</td>
                <td>
                  {w.enabled ? (w.failureCount ? `Enabled, ${w.failureCount} failed in a row` : 'Enabled') : 'Disabled'}
                  {w.disabledReason ? <div className="muted">{w.disabledReason}</div> : null}
                </td>
                <td>
                  <div className="toolbar">
                    <button type="button" className="button button--secondary" onClick={() => setOpen(open === w.id ? null : w.id)} aria-expanded={open === w.id}>
                      {open === w.id ? 'Hide deliveries' : 'Deliveries'}
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => void sendTest({ endpointId: w.id }).then(() => setOpen(w.id))}>
                      Send test
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => void update({ id: w.id, input: { enabled: !w.enabled } })}>
                      {w.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => {
                        if (window.confirm(`Delete the webhook to ${w.url} and its delivery records?`)) void remove({ id: w.id }).then(() => endpoints.reload());
                      }}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {open ? <Deliveries endpointId={open} key={`${open}-${tested.data?.sendTestWebhook.id ?? ''}`} /> : null}

      <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>Add a webhook</h3>
        <div className="field">
          <label htmlFor={`${id}-url`}>URL</label>
          <input id={`${id}-url`} type="url" required placeholder="https://lms.example.org/stagecoach-events" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Note (optional)</label>
          <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <fieldset className="fieldset">
          <legend>Events</legend>
          {WEBHOOK_EVENT_CHOICES.map((choice) => (
            <label key={choice.value} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(choice.value)}
                onChange={(e) => setEvents((now) => (e.target.checked ? [...now, choice.value] : now.filter((v) => v !== choice.value)))}
              />{' '}
              {choice.label} <code className="muted">{choice.value}</code>
            </label>
          ))}
        </fieldset>
        {created.error ? <ErrorNotice error={created.error} /> : null}
        <button type="submit" className="button" disabled={created.fetching || events.length === 0}>
          Add webhook
        </button>
      </form>
      {secret ? (
        <div className="notice notice--success" role="status">
          <p>Webhook added. Its signing secret is shown only now: copy it to the receiver.</p>
          <p>
            <code data-testid="webhook-secret">{secret}</code>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const deliveries = useSessionQuery({ query: WebhookDeliveriesQuery, variables: { endpointId, first: 50 }, requestPolicy: 'network-only' });
  const [replayed, replay] = useMutation(ReplayWebhookMutation);
  const nodes = deliveries.data?.webhookDeliveries.nodes ?? [];
  return (
    <section className="section" aria-label="Deliveries">
      <div className="section__header">
        <h3>Deliveries {deliveries.data ? <span className="muted">({deliveries.data.webhookDeliveries.totalCount})</span> : null}</h3>
        <button type="button" className="button button--secondary" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      {deliveries.error ? <ErrorNotice error={deliveries.error} /> : null}
      {replayed.error ? <ErrorNotice error={replayed.error} /> : null}
      {deliveries.data && nodes.length === 0 ? <p>No deliveries yet.</p> : null}
      {nodes.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">When</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((d) => (
              <tr key={d.id}>
                <td>
                  <code>{d.eventType}</code>
                </td>
                <td>{d.status}</td>
                <td>{d.attempts}</td>
                <td>
                  {d.lastResponseStatus != null ? `HTTP ${d.lastResponseStatus}` : (d.lastError ?? '—')}
                  {d.lastDurationMs != null ? <span className="muted"> in {d.lastDurationMs} ms</span> : null}
                  {d.lastResponseBody ? <pre className="muted">{d.lastResponseBody}</pre> : null}
                </td>
                <td>
                  <DateTime iso={d.lastAttemptAt ?? d.createdAt} />
                </td>
                <td>
                  <button type="button" className="button button--secondary" disabled={d.status === 'RUNNING'} onClick={() => void replay({ id: d.id }).then(deliveries.reload)}>
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
