'use client';

import Link from 'next/link';
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { DateTime } from '../../ui/components/date-time';
import {
  MarkNotificationsReadMutation,
  NotificationAddedSubscription,
  NotificationsQuery,
} from '../graphql/notifications.operations';

const SHOWN = 20;

/**
 * The bell in the header: the unread count, kept current by the
 * notificationAdded subscription, and a panel with the latest notifications.
 */
export function NotificationsMenu() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { data, error, fetching, reload } = useSessionQuery({ query: NotificationsQuery, variables: { first: SHOWN } });
  const [, markRead] = useMutation(MarkNotificationsReadMutation);

  const [{ data: added }] = useSubscription({ query: NotificationAddedSubscription });
  const latestAddedId = added?.notificationAdded.id;
  // Keyed on the id alone: each new notification refetches once.
  const arrived = useEffectEvent(() => {
    if (!added) return;
    setAnnouncement(`New notification: ${added.notificationAdded.title}`);
    reload();
  });
  useEffect(() => {
    if (latestAddedId) arrived();
  }, [latestAddedId]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const unread = data?.notifications.totalCount ?? 0;
  const items = data?.notifications.nodes ?? [];

  async function read(ids?: string[]) {
    await markRead(ids ? { ids } : {});
    reload();
  }

  return (
    <div
      className="notifications"
      ref={wrapper}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--secondary notifications__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Notifications
        {unread > 0 ? (
          <span className="count-badge">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      <div id={panelId} className="notifications__panel" hidden={!open}>
        <div className="notifications__head">
          <h2>Notifications</h2>
          {unread > 0 ? (
            <button type="button" className="button button--ghost" onClick={() => void read()}>
              Mark all read
            </button>
          ) : null}
        </div>
        {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
        {!data && fetching ? <p className="muted">Loading notifications…</p> : null}
        {data && items.length === 0 ? <p className="muted">Nothing yet. Pushes and hand-in news appear here.</p> : null}
        {items.length > 0 ? (
          <ul className="notifications__list">
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'}>
                <p className="notification__title">
                  {item.readAt ? null : <span className="visually-hidden">Unread: </span>}
                  {item.link || item.spaceId ? (
                    <Link href={item.link ?? `/spaces/${item.spaceId}`} onClick={() => setOpen(false)}>
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </p>
                {item.body ? <p className="notification__body">{item.body}</p> : null}
                <p className="notification__meta">
                  <DateTime iso={item.createdAt} />
                  {item.readAt ? null : (
                    <button type="button" className="button button--ghost button--small" onClick={() => void read([item.id])}>
                      Mark read
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
