// The `visit` function's contract table: campaigns, the checklist, knock visits and their proof, hazards, the inbox.
import type { NoFields, PageAction, ServerAction } from './action';
import type { Page } from '../org';
import type {
  AddPeriodRequest,
  CampaignView,
  ChecklistTemplateView,
  ClaimRectificationRequest,
  ConfirmVisitRequest,
  CreateCampaignRequest,
  HazardDutyPage,
  HazardNumbersView,
  HazardView,
  HouseholdCardRequest,
  HouseholdCardView,
  InboxPage,
  ListHazardDutiesRequest,
  ListHouseholdHazardsRequest,
  ListHouseholdVisitsRequest,
  ListInboxRequest,
  MarkReadRequest,
  MarkReadResult,
  MyHouseholdsRequest,
  MyHouseholdsResult,
  OptInSubscribeRequest,
  RecordVisitRequest,
  RecordVisitResult,
  RemovePeriodRequest,
  ResolveCardRequest,
  ResolveCardResult,
  SubscriptionCreditsView,
  UpdateCampaignRequest,
  VerifyHazardRequest,
  VisitView,
} from '../visit';
import type { PageRequest } from '../org';

export interface VisitContract {
  listCampaigns: PageAction<NoFields, CampaignView[]>;
  getCampaign: ServerAction<
    { campaignId: string },
    CampaignView,
    'no page yet: the office page reads the list (listCampaigns); one campaign is read by the function tests'
  >;
  createCampaign: ServerAction<
    CreateCampaignRequest,
    CampaignView,
    'script: the demo seed and the tests create campaigns from presets; the office page edits the existing one'
  >;
  updateCampaign: PageAction<UpdateCampaignRequest, CampaignView>;
  addPeriod: PageAction<AddPeriodRequest, CampaignView>;
  removePeriod: PageAction<RemovePeriodRequest, CampaignView>;
  getChecklistTemplate: ServerAction<
    { templateId: string },
    ChecklistTemplateView,
    'no page yet: the visit form loads all templates at once (listChecklistTemplates)'
  >;
  listChecklistTemplates: PageAction<NoFields, ChecklistTemplateView[]>;
  recordVisit: PageAction<RecordVisitRequest, RecordVisitResult>;
  confirmVisit: PageAction<ConfirmVisitRequest, VisitView>;
  listHouseholdVisits: PageAction<ListHouseholdVisitsRequest, Page<VisitView>>;
  getHouseholdCard: ServerAction<
    HouseholdCardRequest,
    HouseholdCardView,
    'no page yet: the villager sees the card through myHousehold (withCard); printing cards for a village is done from tests and the console'
  >;
  resolveCard: ServerAction<
    ResolveCardRequest,
    ResolveCardResult,
    'no page yet: the visit form sends the scanned scene with recordVisit as proof instead of resolving it first'
  >;
  myHouseholds: PageAction<MyHouseholdsRequest, MyHouseholdsResult>;
  listMyHazardDuties: PageAction<ListHazardDutiesRequest, HazardDutyPage>;
  hazardNumbersByVillage: ServerAction<
    NoFields,
    HazardNumbersView[],
    'no page yet: the dashboard (escalation.dashboard) carries the same numbers per village'
  >;
  listUnprovenVisits: PageAction<PageRequest, Page<VisitView>>;
  listHouseholdHazards: PageAction<ListHouseholdHazardsRequest, Page<HazardView>>;
  claimRectification: PageAction<ClaimRectificationRequest, HazardView>;
  verifyHazard: PageAction<VerifyHazardRequest, HazardView>;
  listInbox: PageAction<ListInboxRequest, InboxPage>;
  markRead: PageAction<MarkReadRequest, MarkReadResult>;
  optInSubscribe: PageAction<OptInSubscribeRequest, SubscriptionCreditsView>;
}
