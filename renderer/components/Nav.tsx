import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';
import { navItemsFor } from '../app/nav-items';
import { A11Y } from '../i18n/accessible-names';
import { useUiStore } from '../state/ui-store';

interface Props {
  role: Role;
  rejectedCount: number;
  pendingCount: number;
}

/** Left navigation by role; links so the screen lives in the address (#/queue). */
export function Nav({ role, rejectedCount, pendingCount }: Props) {
  const { t } = useTranslation();
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  return (
    <nav className="nav" aria-label={A11Y.navigation}>
      <ul>
        {navItemsFor(role).map((item) => {
          const count = item.screen === 'attention' ? rejectedCount : item.screen === 'outbox' ? pendingCount : 0;
          return (
            <li key={item.screen}>
              <a
                href={`#/${item.screen}`}
                aria-label={count > 0 ? `${item.name} (${count})` : item.name}
                aria-current={screen === item.screen ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(item.screen);
                }}
              >
                <span>{t(item.labelKey)}</span>
                {count > 0 && <span className="count">{count}</span>}
              </a>
            </li>
          );
        })}
      </ul>
      <button type="button" className="help-link" aria-label={A11Y.shortcuts} onClick={() => setHelpOpen(true)}>
        ⌨ {t('shell.shortcuts')} <kbd>F1</kbd>
      </button>
    </nav>
  );
}
