// 适老化 large-text mode: one stored switch that every page reads into `largeText` and puts on its root view.
import { STORAGE_KEYS } from '../config/env';

export function isLargeText(): boolean {
  return wx.getStorageSync(STORAGE_KEYS.largeText) === true;
}

export function setLargeText(on: boolean): void {
  wx.setStorageSync(STORAGE_KEYS.largeText, on);
  const app = getApp<{ globalData?: { largeText?: boolean } }>();
  if (app && app.globalData) app.globalData.largeText = on;
}
