// Cloud function `resident`: hazard reports from villagers and grid leaders, anonymous whistle-blower reports, and the
// liaison's handling of reports with no household visitor. Wiring only.
import { createMain } from '../../../server/infra/dispatch';
import { actions } from '../../../server/handlers/resident';

export const main = createMain(actions);
