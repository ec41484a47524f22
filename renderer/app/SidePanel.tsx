import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../data/types/session';
import { useUiStore, type ScreenId } from '../state/ui-store';
import { DetailPanel } from '../screens/detail/DetailPanel';
import { IntakeSoothing } from '../screens/intake/IntakeSoothing';
import type { ActionId } from '../../shared/rules/available-actions';

/** The workspace's own actions come first in the detail, opened. */
const FOCUS: Partial<Record<ScreenId, ActionId[]>> = {
  callbacks: ['callbackAttempt', 'midCourseNote', 'scheduleCallback'],
  review: ['notifyParties', 'officerReview', 'investigation', 'resolution', 'notifyCustomer'],
  supervisor: ['refundDecision', 'assign', 'transfer'],
};

/** Right of the centre: the soothing panel during intake, else the open complaint. */
export function SidePanel({ screen, user }: { screen: ScreenId; user: SessionUser }) {
  const { t } = useTranslation();
  const selectedId = useUiStore((s) => s.selectedId);
  const soothingVisible = useUiStore((s) => s.soothingVisible);
  if (screen === 'new') return soothingVisible ? <IntakeSoothing user={user} /> : null;
  if (!selectedId) return <p className="empty">{t('detail.none')}</p>;
  return <DetailPanel key={selectedId} id={selectedId} user={user} focus={FOCUS[screen] ?? []} />;
}
