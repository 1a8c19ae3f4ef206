// Whom a villager may call from their own household page, and how the numbers are shown.
import type { ContactPersonView } from '../../../typings/household';
import { maskPhone } from '../org/phoneMask';

/**
 * "每周落实'微信电话联络一次'" and "明确走访人的责任范围和入户走访对象": the grid leader and the assigned visitor are the
 * people whose duty is to be reachable by this household, so the villager gets a call button for them (the full
 * number only travels for wx.makePhoneCall; the page shows it masked). Nobody else's number is released.
 */
export function contactPerson(p: { _id: string; name: string; phone: string | null }, mayCall: boolean): ContactPersonView {
  return { personId: p._id, name: p.name, phoneMasked: maskPhone(p.phone), callNumber: mayCall && p.phone ? p.phone : null };
}
