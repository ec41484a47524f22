import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../data/types/session';
import { useReference } from '../../hooks/use-reference';
import { SoothingPanel } from '../../components/SoothingPanel';
import { useIntakeStatus } from '../../state/intake-status-store';
import { useIntakeActions } from './use-intake-actions';
import { withdrawalDoubts } from '../../../shared/rules/withdrawal-doubt';
import { issuePhrase } from '../../components/script-issue';

/** The soothing panel beside intake, bound to the same draft as the form. */
export function IntakeSoothing({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const a = useIntakeActions(user);
  const reference = useReference();
  const busy = useIntakeStatus((s) => s.busy);
  const { draft } = a;
  const issue = issuePhrase(t, draft.subCategory, draft.category);
  return (
    <SoothingPanel
      value={draft.soothing}
      onChange={(change) => a.update({ soothing: { ...draft.soothing, ...change } })}
      customerName={draft.customerName.trim()}
      jobNumber={user.jobNumber ?? user.username}
      issue={issue}
      category={draft.category}
      scripts={reference.scripts}
      busy={busy}
      done={draft.outcome !== null}
      onWithdrew={(reason) => void a.withdraw(reason)}
      withdrawalDoubts={withdrawalDoubts(
        { grade: a.grade, customerType: draft.customerType || null, text: `${draft.description}\n${draft.demands}` },
        reference.policy,
      )}
      onFile={(confirmed) => void a.file(confirmed)}
    />
  );
}
