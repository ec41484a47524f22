import { actionEvent, type ActionId } from '../../../shared/rules/available-actions';
import type { ActionSpec } from '../../components/ActionForm';
import { callbackSpecs } from './specs/callback';
import { closingSpecs } from './specs/closing';
import { handlingSpecs } from './specs/handling';
import { outcomeSpecs } from './specs/outcome';
import type { SpecBuilders, SpecContext } from './specs/spec-context';

export type { SpecContext };

/**
 * Escalation has its own dialog and filing belongs to the soothing panel,
 * so neither has a form here.
 */
const BUILDERS: SpecBuilders = { ...handlingSpecs, ...callbackSpecs, ...outcomeSpecs, ...closingSpecs };

/** The form of each action (escalation has its own dialog), built for one complaint. */
export function actionSpec(id: ActionId, ctx: SpecContext): ActionSpec | null {
  const build = BUILDERS[id];
  return build ? { ...build(id, ctx), eventType: actionEvent(id) } : null;
}
