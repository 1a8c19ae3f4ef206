// What the phone's devices answer in tests and in the headless runtime (tools/mp-runtime): one place for both.

/** Where the demo household is: 三江村. */
export const DEMO_LOCATION = { latitude: 27.7231, longitude: 110.6334 };
