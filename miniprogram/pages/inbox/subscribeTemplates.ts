// WeChat subscription-message template ids per product key, as the functions' SUBSCRIBE_TEMPLATE_* environment has them.
// Replace with the deployment's own ids (the functions default to `local-<key>`, the emulator records any id).
import type { SubscribeTemplateKey } from '../../../typings/visit';

export const SUBSCRIBE_TEMPLATES: Record<SubscribeTemplateKey, string> = {
  visitReminder: 'local-visitReminder',
  caseNotice: 'local-caseNotice',
  weeklyContact: 'local-weeklyContact',
};

/** The keys the user accepted in one wx.requestSubscribeMessage answer. */
export function acceptedKeys(answer: Record<string, string>): SubscribeTemplateKey[] {
  return (Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateKey[]).filter((k) => answer[SUBSCRIBE_TEMPLATES[k]] === 'accept');
}
