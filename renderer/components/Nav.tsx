import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';
import { navItemsFor } from '../app/nav-items';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { useUiStore } from '../state/ui-store';

interface Props {
  role: Role;
  rejectedCount: number;
  pendingCount: number;
}

/** Left navigation by role; links so the screen lives in the address (#/queue). */
export function Nav({ role, rejectedCount, pendingCount }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  return (
    <nav className="nav" aria-label={an.of('navigation')}>
      <ul>
        {navItemsFor(role).map((item) => {
          const count = item.screen === 'attention' ? rejectedCount : item.screen === 'outbox' ? pendingCount : 0;
          return (
            <li key={item.screen}>
              <a
                href={`#/${item.screen}`}
                // The count is part of the name as it is seen (axe: the visible text within the name).
                aria-label={count > 0 ? `${an.either(item.name, t(item.labelKey))} ${count}` : an.either(item.name, t(item.labelKey))}
                aria-current={screen === item.screen ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(item.screen);
                }}
              >
                <span>{t(item.labelKey)}</span>
                {count > 0 && (
                  <>
                    {' '}
                    <span className="count">{count}</span>
                  </>
                )}
              </a>
            </li>
          );
        })}
      </ul>
      {/* The icon and the key are drawn by CSS: the button's text is its name, the key is announced through aria-keyshortcuts. */}
      <button type="button" className="help-link" data-shortcut="F1" aria-label={an.of('shortcuts')} aria-keyshortcuts="F1" onClick={() => setHelpOpen(true)}>
        {t('shell.shortcuts')}
      </button>
    </nav>
  );
}
