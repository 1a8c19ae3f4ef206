// Whom a villager may call from their own household page, whom a grid leader calls each week, and how the numbers are shown.
import type { ContactPersonView } from '../../../typings/household';
import type { HouseholdMember } from '../../../typings/org';
import type { HouseholdContactRow } from '../../../typings/grid';
import { maskPhone, maskWechatId } from '../org/phoneMask';

/**
 * "每周落实'微信电话联络一次'" and "明确走访人的责任范围和入户走访对象": the grid leader and the assigned visitor are the
 * people whose duty is to be reachable by this household, so the villager gets a call button for them (the full
 * number only travels for wx.makePhoneCall; the page shows it masked). Nobody else's number is released.
 */
export function contactPerson(p: { _id: string; name: string; phone: string | null }, mayCall: boolean): ContactPersonView {
  return { personId: p._id, name: p.name, phoneMasked: maskPhone(p.phone), callNumber: mayCall && p.phone ? p.phone : null };
}

export type HouseholdReach = Pick<
  HouseholdContactRow,
  'phoneName' | 'phoneMasked' | 'callNumber' | 'wechatName' | 'wechatMasked' | 'wechatId'
>;

/**
 * How the grid leader reaches a household for the weekly "微信电话联络": the first member (the head is listed first)
 * with a phone, and the first with a WeChat id. The full number and id travel only when `reveal` (the caller leads
 * this household's grid); everyone else who reads the board gets them masked.
 */
export function householdReach(members: readonly HouseholdMember[] | undefined, reveal: boolean): HouseholdReach {
  const byPhone = (members ?? []).find((m) => m.phone);
  const byWechat = (members ?? []).find((m) => m.wechatId);
  return {
    phoneName: byPhone?.name ?? null,
    phoneMasked: maskPhone(byPhone?.phone),
    callNumber: reveal ? (byPhone?.phone ?? null) : null,
    wechatName: byWechat?.name ?? null,
    wechatMasked: maskWechatId(byWechat?.wechatId),
    wechatId: reveal ? (byWechat?.wechatId ?? null) : null,
  };
}
