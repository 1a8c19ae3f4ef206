// App-wide state shared by app.ts and the pages (types only: the mini program imports nothing from outside miniprogram/).

/** Which build is running: DevTools/preview (develop), 体验版 (trial) or the published app (release). */
export type EnvVersion = 'develop' | 'trial' | 'release';

export interface AppGlobalData {
  envVersion: EnvVersion;
  /** CloudBase environment id chosen for this build */
  cloudEnv: string;
  /** develop build talking to `npm start`'s dev API instead of CloudBase */
  localMode: boolean;
  /** 适老化: large text and high contrast on every page */
  largeText: boolean;
}

export interface IAppOption {
  globalData: AppGlobalData;
}
