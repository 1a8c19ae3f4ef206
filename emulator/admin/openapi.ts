// wx.openApi over the /admin protocol: protobuf CommApiData in, CommOpenApiResp out.
// subscribeMessage.send is recorded (never sent); wxacode.getUnlimited returns a real PNG QR code.
import protobuf from 'protobufjs';
import QRCode from 'qrcode';
import type { Store } from '../store';

const root = protobuf.parse(`
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; string appid = 6; }
message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; }
`).root;
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** wxacode.getUnlimited: scene is at most 32 visible characters from this set. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export class OpenApiService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async handle(apiName: string, requestData: Buffer): Promise<Buffer> {
    const message = CommApiData.toObject(CommApiData.decode(requestData), { bytes: Buffer }) as {
      openapiData?: { pairs?: { key: string; value: Buffer }[] };
    };
    const params: Record<string, unknown> = {};
    for (const pair of message.openapiData?.pairs ?? []) {
      const text = Buffer.from(pair.value ?? []).toString('utf8');
      try {
        params[pair.key] = JSON.parse(text);
      } catch {
        params[pair.key] = text;
      }
    }
    switch (apiName) {
      case 'subscribeMessage.send':
        return this.subscribeMessageSend(params);
      case 'wxacode.getUnlimited':
        return this.wxacodeGetUnlimited(params);
      default:
        return json({ errcode: 40001, errmsg: `api ${apiName} is not emulated locally` });
    }
  }

  private subscribeMessageSend(p: Record<string, unknown>): Buffer {
    if (typeof p.touser !== 'string' || !p.touser) return json({ errcode: 40003, errmsg: 'invalid openid' });
    if (typeof p.template_id !== 'string' || !p.template_id) return json({ errcode: 40037, errmsg: 'invalid template_id' });
    if (!p.data || typeof p.data !== 'object') return json({ errcode: 47003, errmsg: 'argument invalid! data is empty' });
    this.store.addMessage({
      touser: p.touser,
      templateId: p.template_id,
      page: p.page ?? null,
      data: p.data,
      sentAt: this.now().toISOString(),
    });
    return json({ errcode: 0, errmsg: 'ok' });
  }

  private async wxacodeGetUnlimited(p: Record<string, unknown>): Promise<Buffer> {
    const scene = typeof p.scene === 'string' ? p.scene : '';
    if (!SCENE_PATTERN.test(scene)) return json({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' });
    const page = typeof p.page === 'string' && p.page ? p.page : 'pages/index/index';
    const width = Math.min(Math.max(Number(p.width ?? 430), 280), 1280);
    // filterType 0: no per-row search for the smallest PNG filter, which made each code cost seconds under jest (a
    // village's print sheets ask for one per household); the image is the same
    const png = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, {
      type: 'png',
      width,
      margin: 2,
      // pngjs takes filterType; @types/qrcode lists only the deflate options
      rendererOpts: { filterType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
    });
    return encodeResp(png, 'image/png');
  }
}

function json(body: object): Buffer {
  return encodeResp(Buffer.from(JSON.stringify(body)), 'application/json');
}

function encodeResp(respData: Buffer, contentType: string): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData, contentType, errorCode: 0, httpCode: 200 })).finish());
}
