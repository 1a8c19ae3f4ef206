// wx.openApi requests are multipart forms whose requestData part is raw protobuf: parse them byte-exact with busboy.
import busboy from 'busboy';

export function parseMultipart(contentType: string, body: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, Buffer>();
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'latin1' });
    parser.on('field', (name, value) => fields.set(name, Buffer.from(value, 'latin1')));
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => fields.set(name, Buffer.concat(chunks)));
    });
    parser.on('error', reject);
    parser.on('close', () => resolve(fields));
    parser.end(body);
  });
}
