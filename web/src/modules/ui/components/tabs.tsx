'use client';

import { useRef, type KeyboardEvent } from 'react';
import { useQueryParams } from '../../../core/navigation/use-query-params';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

interface TabsProps<K extends string> {
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  idPrefix: string;
}

/**
 * A tab list following the WAI-ARIA pattern: one tab in the tab order, arrow
 * keys, Home and End move between tabs and select them. Panels use
 * `tabPanelProps` for their ids.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, idPrefix }: TabsProps<K>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.key === selected);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    onSelect(tabs[next].key);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => {
        const active = tab.key === selected;
        return (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.key}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel-${tab.key}`}
            tabIndex={active ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export function tabPanelProps(idPrefix: string, key: string) {
  return {
    role: 'tabpanel' as const,
    id: `${idPrefix}-panel-${key}`,
    'aria-labelledby': `${idPrefix}-tab-${key}`,
    tabIndex: 0,
    className: 'tab-panel',
  };
}

/**
 * The open tab kept in the query parameter `param`, so it can be linked and
 * survives going back; the first tab leaves the parameter out.
 */
export function useTabParam<K extends string>(param: string, tabs: readonly TabItem<K>[]): [K, (key: K) => void] {
  const [params, replace] = useQueryParams();
  const requested = params.get(param);
  const first = tabs[0].key;
  const current = tabs.find((tab) => tab.key === requested)?.key ?? first;
  return [current, (key: K) => replace({ [param]: key === first ? null : key })];
}
