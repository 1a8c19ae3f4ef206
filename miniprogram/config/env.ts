// The one place that says which backend each build talks to.
import type { EnvVersion } from '../../typings/app';

/** CloudBase environment per build. Replace the ids with your own envs (README: deploying). */
export const CLOUD_ENV: Record<EnvVersion, string> = {
  develop: 'linli-dev-0000000000',
  trial: 'linli-trial-0000000000',
  release: 'linli-prod-0000000000',
};

/** `npm start`'s dev API; only a develop build with local mode switched on uses it. */
export const LOCAL_API = {
  host: '127.0.0.1',
  port: 8787,
};

/** A call that has not answered by then is reported as a network failure: no endless spinner. */
export const CALL_TIMEOUT_MS = 15000;

/** Keys under which the client keeps its own settings in wx storage. */
export const STORAGE_KEYS = {
  localMode: 'dev.localMode',
  demoOpenid: 'dev.demoOpenid',
  largeText: 'ui.largeText',
} as const;

export function currentEnvVersion(): EnvVersion {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion || 'release';
  } catch {
    return 'release';
  }
}

export function localApiUrl(path: string): string {
  return `http://${LOCAL_API.host}:${LOCAL_API.port}${path}`;
}
