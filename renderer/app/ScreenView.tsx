import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../data/types/session';
import type { ScreenId } from '../state/ui-store';
import { CallbacksScreen } from '../screens/CallbacksScreen';
import { IntakeScreen } from '../screens/IntakeScreen';
import { NeedsAttentionScreen } from '../screens/NeedsAttentionScreen';
import { OutboxScreen } from '../screens/OutboxScreen';
import { QueueScreen } from '../screens/QueueScreen';
import { ReviewScreen } from '../screens/ReviewScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { SupervisorScreen } from '../screens/SupervisorScreen';
import { AccessLogScreen } from '../screens/privacy/AccessLogScreen';
import { ErasureScreen } from '../screens/privacy/ErasureScreen';
import type { Language } from '../i18n/pick-language';
import { wideScope } from './default-scope';
import { queueScope } from './landing';

// Charts are heavy and only managers open them: loaded on first visit.
const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

interface Props {
  screen: ScreenId;
  user: SessionUser;
  onLanguage(language: Language): void;
}

/** The centre of the window for the current screen. */
export function ScreenView({ screen, user, onLanguage }: Props) {
  const { t } = useTranslation();
  switch (screen) {
    case 'new':
      return <IntakeScreen user={user} />;
    case 'queue':
      return <QueueScreen key="queue" user={user} screen="queue" title={t('queue.title')} scope={queueScope(user.role)} />;
    case 'team': {
      const scope = wideScope(user.role);
      return (
        <QueueScreen
          key="team"
          user={user}
          screen="team"
          title={scope === 'team' ? t('queue.teamTitle') : t('queue.branchTitle')}
          scope={scope}
        />
      );
    }
    case 'callbacks':
      return <CallbacksScreen />;
    case 'review':
      return <ReviewScreen user={user} />;
    case 'supervisor':
      return <SupervisorScreen user={user} />;
    case 'reports':
      return (
        <Suspense fallback={<p className="empty">{t('queue.loading')}</p>}>
          <ReportsScreen user={user} />
        </Suspense>
      );
    case 'attention':
      return <NeedsAttentionScreen user={user} />;
    case 'outbox':
      return <OutboxScreen />;
    case 'accessLog':
      return <AccessLogScreen />;
    case 'erasure':
      return <ErasureScreen />;
    case 'settings':
      return <SettingsScreen user={user} onLanguage={onLanguage} />;
  }
}
