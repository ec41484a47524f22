import { useTranslation } from 'react-i18next';
import { HOTKEYS } from '../app/hotkeys';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { Dialog } from './Dialog';

/** Key names as printed on the keyboard. */
const KEY_CAPS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };

/** Every shortcut that works, from the same table the handlers use. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  return (
    <Dialog label={an.of('shortcuts', 'help.title')} title={t('help.title')} onClose={onClose}>
      <table className="help-table">
        <tbody>
          {HOTKEYS.map((h) => (
            <tr key={h.id}>
              <td>
                {h.combos.map((c) => (
                  <kbd key={c}>{KEY_CAPS[c] ?? c}</kbd>
                ))}
              </td>
              <td>{t(`help.keys.${h.id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions-row">
        <button type="button" className="btn" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </Dialog>
  );
}
