// The `report` function's action table: the seeds' tables as .xlsx files opened by a temporary link.
import { contractActions } from '../../infra/dispatch';
import { exportCompoundLedger, exportElderly001, exportElderlyTable } from './programmeTables';
import { exportCompliance, exportStats001 } from './campaignTables';
import { exportCaseFile, exportHazardRegister } from './supervisionTables';
import { exportCardSheets } from './cardSheets';

export const actions = contractActions('report', {
  exportElderlyTable,
  exportCompoundLedger,
  exportStats001,
  exportElderly001,
  exportCompliance,
  exportHazardRegister,
  exportCaseFile,
  exportCardSheets,
});
