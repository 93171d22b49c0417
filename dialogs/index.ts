import type { Dialog } from 'botbuilder-dialogs';
import type { Services } from '../bot/core/contract';
import { CheckIns } from '../bot/audits/check-ins';
import { CheckInDialog } from './audits/check-in-dialog';
import { LevelsOfNeedDialog } from './queries/levels-of-need-dialog';

/** Every feature's dialogs, registered with the edge's dialog host. Started with `turn.beginDialog(id)`. */
export function createDialogs(services: Services): Dialog[] {
  const checkIns = new CheckIns(services);
  return [new CheckInDialog(() => checkIns), new LevelsOfNeedDialog(() => services.content)];
}
