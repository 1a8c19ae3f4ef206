// The `resident` function's action table: villagers' and grid leaders' hazard reports, anonymous whistle-blower
// reports with their receipt, and the liaison's (or office's) handling of reports with no household visitor.
import { contractActions } from '../../infra/dispatch';
import { listMyReports, reportFormOptions, reportHazard } from './reports';
import { whistleBlow, whistleStatus } from './whistle';
import { listRoutedReports, verifyRoutedReport } from './routed';
import { listWhistleReports } from './oversight';

export const actions = contractActions('resident', {
  reportFormOptions,
  reportHazard,
  listMyReports,
  whistleBlow,
  whistleStatus,
  listRoutedReports,
  verifyRoutedReport,
  listWhistleReports,
});
