// Cloud function `visit`: campaigns, knock visits, hazards and the inbox. The actions live in server/handlers/visit; this file only wires them.
import { createMain } from '../../../server/infra/dispatch';
import { actions } from '../../../server/handlers/visit';

export const main = createMain(actions);
