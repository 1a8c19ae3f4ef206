// DevTools "local mode": a develop build that talks to `npm start`'s dev API as a chosen demo identity.
// Trial and release builds ignore the stored flag, so a real user can never be switched into it.
import { STORAGE_KEYS, currentEnvVersion } from '../config/env';

export function localModeAllowed(): boolean {
  return currentEnvVersion() === 'develop';
}

export function isLocalMode(): boolean {
  return localModeAllowed() && wx.getStorageSync(STORAGE_KEYS.localMode) === true;
}

export function setLocalMode(on: boolean): void {
  if (!localModeAllowed()) return;
  wx.setStorageSync(STORAGE_KEYS.localMode, on);
}

/** The demo OPENID sent as `x-wx-openid`; null acts as an anonymous (not yet joined) user. */
export function localOpenid(): string | null {
  const stored = wx.getStorageSync(STORAGE_KEYS.demoOpenid);
  return typeof stored === 'string' && stored ? stored : null;
}

export function setLocalOpenid(openid: string | null): void {
  if (!localModeAllowed()) return;
  wx.setStorageSync(STORAGE_KEYS.demoOpenid, openid ?? '');
}
