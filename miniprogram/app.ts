// App entry: settle which backend this build talks to before any page calls it.
import type { IAppOption } from '../typings/app';
import { CLOUD_ENV, currentEnvVersion } from './config/env';
import { initCloud, NO_CLOUD_MESSAGE } from './services/callCloud';
import { isLocalMode } from './services/localMode';
import { sweepPhotos } from './services/photoStore';
import { isLargeText } from './ui/largeText';

App<IAppOption>({
  globalData: {
    envVersion: 'release',
    cloudEnv: CLOUD_ENV.release,
    localMode: false,
    largeText: false,
  },

  onLaunch() {
    const envVersion = currentEnvVersion();
    this.globalData.envVersion = envVersion;
    this.globalData.cloudEnv = CLOUD_ENV[envVersion];
    this.globalData.localMode = isLocalMode();
    this.globalData.largeText = isLargeText();
    // photos kept for drafts and the outbox that nothing refers to any more (see services/photoStore)
    sweepPhotos();
    // Local mode never touches wx.cloud (the tourist AppID has no cloud); callCloud inits lazily if it is switched off.
    if (!this.globalData.localMode && !initCloud()) {
      wx.showModal({ title: '无法使用', content: NO_CLOUD_MESSAGE, showCancel: false, confirmText: '知道了' });
    }
  },
});
