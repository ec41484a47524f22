import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../data/types/session';
import { useNow } from '../hooks/use-now';
import { useReference } from '../hooks/use-reference';
import { useRejectedEvents } from '../hooks/use-rejected-events';
import { AttentionItem } from './attention/AttentionItem';
import { useAccessibleName } from '../i18n/use-accessible-name';

/** Changes the server refused, with its reason in the user's words and what to do. They leave only when redone or dismissed with a reason. */
export function NeedsAttentionScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const rejected = useRejectedEvents();
  const reference = useReference();
  const now = useNow(30_000);
  return (
    <section aria-label={an.either('Needs attention', t('attention.title'))}>
      <h1>{t('attention.title')}</h1>
      <p className="hint">{t('attention.intro')}</p>
      {rejected.length === 0 ? (
        <p className="empty">{t('attention.empty')}</p>
      ) : (
        rejected.map((r) => <AttentionItem key={r.event.id} item={r} user={user} reference={reference} now={now} />)
      )}
    </section>
  );
}
