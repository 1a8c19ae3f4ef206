// Campaign settings: the editable form of a campaign (rules and periods) and its save; closed periods travel back unchanged.
import type { Fail, Result } from '../../../../typings/result';
import type { CampaignView, PeriodInput, PeriodView } from '../../../../typings/visit';
import { callCloud } from '../../../services/callCloud';

export const PERIOD_STATE_LABEL: Record<PeriodView['state'], string> = {
  upcoming: '未开始',
  current: '进行中',
  ended: '已结束',
  closed: '已结算',
};

export interface PeriodForm {
  key: string;
  label: string;
  startDay: string;
  endDay: string;
  quota: string;
  state: string;
  /** ended or closed: shown read-only and sent back exactly as it was */
  locked: boolean;
}

export interface CampaignForm {
  id: string;
  name: string;
  active: boolean;
  minGapDays: string;
  remedyDays: string;
  reminderOffsets: string;
  periods: PeriodForm[];
}

export interface CampaignTab {
  id: string;
  name: string;
}

export function campaignForm(c: CampaignView): CampaignForm {
  return {
    id: c.id,
    name: c.name,
    active: c.active,
    minGapDays: String(c.rules.minGapDays),
    remedyDays: String(c.rules.remedyDays),
    reminderOffsets: c.rules.reminderOffsetsDays.join('、'),
    periods: c.periods.map((p) => ({
      key: p.key,
      label: p.label,
      startDay: p.startDay,
      endDay: p.endDay,
      quota: String(p.quota),
      state: PERIOD_STATE_LABEL[p.state],
      locked: p.state === 'ended' || p.state === 'closed',
    })),
  };
}

export async function loadCampaigns(): Promise<Result<CampaignView[]>> {
  return callCloud('visit', 'listCampaigns');
}

/** A number as typed; anything else goes to the server as typed, so its own message says what is wrong. */
function num(text: string): number | string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function offsets(text: string): (number | string)[] {
  return text
    .split(/[,，、\s]+/)
    .filter((s) => s !== '')
    .map(num);
}

function periodInput(p: PeriodForm, original: PeriodInput | undefined): PeriodInput {
  if (p.locked && original)
    return { key: original.key, label: original.label, startDay: original.startDay, endDay: original.endDay, quota: original.quota };
  return { key: p.key, label: p.label.trim(), startDay: p.startDay.trim(), endDay: p.endDay.trim(), quota: num(p.quota) as number };
}

export function saveCampaign(form: CampaignForm, original: CampaignView): Promise<Result<CampaignView>> {
  // typed as numbers, sent as typed (num): a non-number reaches the server, whose message names the field
  return callCloud('visit', 'updateCampaign', {
    campaignId: form.id,
    rules: {
      minGapDays: num(form.minGapDays) as number,
      remedyDays: num(form.remedyDays) as number,
      reminderOffsetsDays: offsets(form.reminderOffsets) as number[],
    },
    periods: form.periods.map((p) =>
      periodInput(
        p,
        original.periods.find((o) => o.key === p.key),
      ),
    ),
  });
}

/** Which part of the form a refusal belongs to: the rules, the periods, or the form as a whole. */
export function failurePlace(fail: Fail): 'rules' | 'periods' | 'form' {
  const field = fail.field ?? '';
  if (field.startsWith('rules')) return 'rules';
  if (field.startsWith('periods') || fail.code === 'PERIOD_CLOSED' || fail.code === 'CAMPAIGN_INVALID') return 'periods';
  return 'form';
}
