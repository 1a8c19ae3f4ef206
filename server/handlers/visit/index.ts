// The `visit` function's action table: campaigns, the checklist, knock visits and their proof, a visitor's progress,
// hazard re-verification, and the inbox with subscription credits.
import { contractActions } from '../../infra/dispatch';
import { addPeriod, createCampaign, getCampaign, listCampaigns, removePeriod, updateCampaign } from './campaigns';
import { getChecklistTemplate, listChecklistTemplates } from './checklist';
import { recordVisit } from './recordVisit';
import { confirmVisit, listHouseholdVisits, listUnprovenVisits } from './confirm';
import { getHouseholdCard, resolveCard } from './card';
import { myHouseholds } from './progress';
import { claimRectification, listHouseholdHazards, listMyHazardDuties, verifyHazard } from './hazards';
import { listInbox, markRead, optInSubscribe } from './inbox';
import { hazardNumbersByVillage } from './numbers';

export const actions = contractActions('visit', {
  listCampaigns,
  getCampaign,
  createCampaign,
  updateCampaign,
  addPeriod,
  removePeriod,
  getChecklistTemplate,
  listChecklistTemplates,
  recordVisit,
  confirmVisit,
  listHouseholdVisits,
  getHouseholdCard,
  resolveCard,
  myHouseholds,
  listMyHazardDuties,
  hazardNumbersByVillage,
  listUnprovenVisits,
  listHouseholdHazards,
  claimRectification,
  verifyHazard,
  listInbox,
  markRead,
  optInSubscribe,
});
