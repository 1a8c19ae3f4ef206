// The one-to-one helper's calls (seed 000): my elderly people with the contacts due, and recording a contact — sent now,
// or kept on the phone with its device time when there is no network (counted at that time within 48 h).
import type { HelperContactMethod, HelperElderlyPage } from '../../../../typings/programme';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { submitOrQueue } from '../../../services/outbox';
import { PAGE_SIZE } from '../../../config/paging';

export function loadMyElderly(page = 1): Promise<Result<HelperElderlyPage>> {
  return callCloud('programme', 'helperElderly', { page, pageSize: PAGE_SIZE });
}

export function recordContact(elderlyId: string, method: HelperContactMethod, note: string, label: string, key: string) {
  return submitOrQueue('programme', 'recordHelperContact', { elderlyId, method, note }, label, {
    key,
    offlineFields: (d) => ({ deviceTime: d }),
  });
}

export const CONTACT_METHODS: { key: HelperContactMethod; label: string }[] = [
  { key: 'visit', label: '上门看望' },
  { key: 'phone', label: '打电话' },
  { key: 'wechat', label: '微信视频' },
];

export const CONTACT_LABELS: Record<HelperContactMethod, string> = { visit: '上门', phone: '电话', wechat: '微信' };
