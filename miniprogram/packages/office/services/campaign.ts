// Campaign settings: the editable form of a campaign (rules, periods, phases and key dates), its saves, and adding or
// removing a period. Closed periods travel back unchanged; the server refuses touching them (PERIOD_CLOSED) and
// removing a period with visits (PERIOD_HAS_VISITS).
import type { Fail, Result } from '../../../../typings/result';
import type { CampaignView, PeriodInput, PhaseView } from '../../../../typings/visit';
import { callCloud } from '../../../services/callCloud';
import { newIdempotencyKey } from '../../../services/outbox';

export interface PeriodForm {
  key: string;
  label: string;
  startDay: string;
  endDay: string;
  quota: string;
  state: string;
  /** ended or closed: shown read-only, sent back exactly as it was, never removed */
  locked: boolean;
}

/** a phase or a key date as typed */
export interface DayForm {
  /** the row's key on the page only */
  uid: string;
  name: string;
  startDay: string;
  endDay: string;
  note: string;
}

export interface CampaignForm {
  id: string;
  name: string;
  active: boolean;
  minGapDays: string;
  remedyDays: string;
  reminderOffsets: string;
  periods: PeriodForm[];
  phases: DayForm[];
  keyDates: DayForm[];
  /** 当前阶段 / 重点时段 today, one line */
  today: string;
}

export interface NewPeriodForm {
  label: string;
  startDay: string;
  endDay: string;
  quota: string;
}

export interface CampaignTab {
  id: string;
  name: string;
}

export const EMPTY_PERIOD: NewPeriodForm = { label: '', startDay: '', endDay: '', quota: '2' };
let uids = 0;
export const emptyDay = (): DayForm => ({ uid: `day-${++uids}`, name: '', startDay: '', endDay: '', note: '' });

const dayForm = (d: PhaseView): DayForm => ({ ...emptyDay(), name: d.name, startDay: d.startDay, endDay: d.endDay, note: d.note ?? '' });

function todayLine(c: CampaignView): string {
  const parts = [
    c.currentPhase ? `当前阶段：${c.currentPhase.name}（${c.currentPhase.startDay}至${c.currentPhase.endDay}）` : '',
    c.currentKeyDate ? `重点时段：${c.currentKeyDate.name}，提高火灾防范等级` : '',
  ];
  return parts.filter(Boolean).join(' · ');
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
      state: p.stateLabel,
      locked: p.state === 'ended' || p.state === 'closed',
    })),
    phases: c.phases.map(dayForm),
    keyDates: c.keyDates.map(dayForm),
    today: todayLine(c),
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

const dayInput = (d: DayForm): PhaseView => {
  const note = d.note.trim();
  return { name: d.name.trim(), startDay: d.startDay.trim(), endDay: d.endDay.trim(), ...(note ? { note } : {}) };
};

export function saveCalendar(form: CampaignForm): Promise<Result<CampaignView>> {
  return callCloud('visit', 'updateCampaign', {
    campaignId: form.id,
    phases: form.phases.map(dayInput),
    keyDates: form.keyDates.map(dayInput),
  });
}

export function addPeriod(campaignId: string, p: NewPeriodForm, idempotencyKey = newIdempotencyKey()): Promise<Result<CampaignView>> {
  return callCloud(
    'visit',
    'addPeriod',
    { campaignId, label: p.label.trim(), startDay: p.startDay.trim(), endDay: p.endDay.trim(), quota: num(p.quota) as number },
    { idempotencyKey },
  );
}

export function removePeriod(campaignId: string, periodKey: string): Promise<Result<CampaignView>> {
  return callCloud('visit', 'removePeriod', { campaignId, periodKey }, { idempotencyKey: newIdempotencyKey() });
}

/** Which part of the form a refusal belongs to: the rules, the periods, the calendar (phases, key dates), or the whole. */
export function failurePlace(fail: Fail): 'rules' | 'periods' | 'calendar' | 'form' {
  const field = fail.field ?? '';
  if (field.startsWith('rules')) return 'rules';
  if (field.startsWith('phases') || field.startsWith('keyDates')) return 'calendar';
  if (field.startsWith('period') || fail.code === 'PERIOD_CLOSED' || fail.code === 'CAMPAIGN_INVALID' || fail.code === 'PERIOD_HAS_VISITS')
    return 'periods';
  return 'form';
}
