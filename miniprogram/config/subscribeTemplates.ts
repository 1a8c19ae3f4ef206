// The one place for the WeChat subscription-message template ids the client asks the user for (the inbox page's
// 订阅提醒), per product key. They must equal the functions' SUBSCRIBE_TEMPLATE_* environment (README: deploying):
// replace them with the ids applied for in the 小程序管理后台; the functions default to `local-<key>`, and the
// emulator records any id.
import type { SubscribeTemplateKey } from '../../typings/visit';

export const SUBSCRIBE_TEMPLATES: Record<SubscribeTemplateKey, string> = {
  visitReminder: 'local-visitReminder',
  caseNotice: 'local-caseNotice',
  weeklyContact: 'local-weeklyContact',
};

/** The keys the user accepted in one wx.requestSubscribeMessage answer. */
export function acceptedKeys(answer: Record<string, string>): SubscribeTemplateKey[] {
  return (Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateKey[]).filter((k) => answer[SUBSCRIBE_TEMPLATES[k]] === 'accept');
}
