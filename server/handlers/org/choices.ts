// What the pickers offer instead of an internal id: the villages the caller may see, or the township's campaigns with
// their periods. One call when the picker is first opened, so no page pays for it on load.
import type { ChoiceList, ChoiceView } from '../../../typings/org';
import { defineAction } from '../../infra/dispatch';
import { loadVisibility } from '../../infra/orgScope';
import { findAll } from '../../infra/store';
import type { GridRecord, VillageRecord } from '../../domain/org/records';
import type { CampaignRecord } from '../../domain/quota/records';
import { seesVillage } from '../../domain/org/visibility';
import { PERIOD_STATE_LABELS, periodState } from '../../domain/visit/campaignEdit';
import { listChoicesSchema } from '../../domain/org/schemas';

export const listChoices = defineAction({
  schema: listChoicesSchema,
  access: ['office', 'discipline', 'liaison', 'visitor'],
  async run(ctx, input): Promise<ChoiceList> {
    const visibility = await loadVisibility(ctx);
    const townshipId = visibility.townshipId;
    if (input.kind === 'campaign') {
      const campaigns = await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId });
      const items: ChoiceView[] = campaigns
        .sort((a, b) => Number(b.active) - Number(a.active) || new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
        .map((c) => ({
          id: c._id,
          label: c.name,
          note: c.active ? '进行中' : '未启用',
          options: c.periods.map((p) => ({
            id: p.key,
            label: p.label,
            note: `${p.startDay}至${p.endDay} · ${PERIOD_STATE_LABELS[periodState(c, p, ctx.now)]}`,
          })),
        }));
      return { kind: 'campaign', items };
    }
    const villages = (await findAll<VillageRecord>(ctx.db, 'villages', { townshipId })).filter((v) => seesVillage(visibility, v._id));
    const grids = await findAll<GridRecord>(ctx.db, 'grids', { townshipId });
    const items: ChoiceView[] = villages
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((v) => ({ id: v._id, label: v.name, note: `${grids.filter((g) => g.villageId === v._id).length}个微网格`, options: [] }));
    return { kind: 'village', items };
  },
});
