// The one way a refusal reaches the user: the function's own Chinese message, shown as is.
import type { Fail } from '../../typings/result';

/** A toast shows about two short lines; anything longer goes into a modal so it is never cut off. */
const TOAST_MAX_CHARS = 14;

export function showFailure(fail: Fail): void {
  if (fail.message.length <= TOAST_MAX_CHARS) {
    wx.showToast({ title: fail.message, icon: 'none', duration: 3000 });
  } else {
    wx.showModal({ title: '未能完成', content: fail.message, showCancel: false, confirmText: '知道了' });
  }
}

export function showDone(message: string): void {
  wx.showToast({ title: message, icon: 'success', duration: 2000 });
}

/** Text to place next to a form field or in a page's error state. */
export function failureText(fail: Fail): string {
  return fail.message || '操作未能完成，请稍后重试';
}
