// jsdom for the page, plus the Node globals the in-process backend needs (the emulator and wx-server-sdk run in the
// same realm as the page under test). It is the pages project testEnvironment:
//   (set as the pages project testEnvironment in jest.config.js)
import JSDOMEnvironment from 'jest-environment-jsdom';

type Config = ConstructorParameters<typeof JSDOMEnvironment>[0];
type Context = ConstructorParameters<typeof JSDOMEnvironment>[1];

/** jsdom lacks these or has browser versions the Node libraries cannot use (e.g. undici's formData() makes Node Blobs). */
const NODE_GLOBALS = [
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'File',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'setImmediate',
  'clearImmediate',
  // binary data: libraries in the backend (pdfkit, pdf-lib) tell bytes from text by `instanceof Uint8Array`, which a
  // Node Buffer fails against jsdom's own Uint8Array and is then written out as text
  'Uint8Array',
  'ArrayBuffer',
] as const;

export default class BackendJsdomEnvironment extends JSDOMEnvironment {
  constructor(config: Config, context: Context) {
    super(config, context);
    const target = this.global as unknown as Record<string, unknown>;
    const source = globalThis as unknown as Record<string, unknown>;
    for (const name of NODE_GLOBALS) if (source[name] !== undefined) target[name] = source[name];
    // resolve packages the way Node does ("node" exports), not jsdom's default "browser" builds
    this.customExportConditions = ['node', 'node-addons'];
  }
}
