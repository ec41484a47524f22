import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from '../hooks/use-search';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { useUiStore } from '../state/ui-store';
import { usesSidePanel } from '../app/side-panel-screens';

export const SEARCH_INPUT_ID = 'global-search';

/** Offline search by number, phone digits, name or Chinese words of the description. */
export function SearchBox() {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const text = useUiStore((s) => s.searchText);
  const setText = useUiStore((s) => s.setSearchText);
  const select = useUiStore((s) => s.select);
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const [open, setOpen] = useState(false);
  const results = useSearch(text.trim(), 20);

  const pick = (id: string) => {
    // Where no complaint opens beside the screen (intake, lists of events, reports and the other wide screens), the queue shows it.
    if (screen === 'new' || screen === 'outbox' || screen === 'attention' || !usesSidePanel(screen)) go('queue');
    select(id);
    setOpen(false);
  };

  return (
    <div className="search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        role="searchbox"
        aria-label={an.of('search')}
        placeholder={t('shell.searchPlaceholder')}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setOpen(false);
            (e.target as HTMLInputElement).blur();
          }
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            document.querySelector<HTMLButtonElement>('.search-results button')?.focus();
          }
          if (e.key === 'Enter' && results[0]) pick(results[0].id);
        }}
      />
      {open && text.trim().length > 0 && (
        <ul className="search-results" aria-label={t('shell.searchResults')}>
          {results.length === 0 && <li className="empty">{t('shell.searchNone')}</li>}
          {results.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => pick(c.id)}
                onKeyDown={(e) => {
                  const li = e.currentTarget.parentElement;
                  if (e.key === 'ArrowDown') {
                    e.preventDefault();
                    li?.nextElementSibling?.querySelector('button')?.focus();
                  }
                  if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    (li?.previousElementSibling?.querySelector('button') ?? document.getElementById(SEARCH_INPUT_ID))?.focus();
                  }
                }}
              >
                <span className="num">{c.number}</span>
                <span className="who">{c.complainant?.name}</span>
                <span className="desc">{c.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
