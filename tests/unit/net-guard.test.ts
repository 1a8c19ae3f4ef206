// The preload guard turns any attempt to leave loopback into an immediate failure.
import net from 'net';

test('connections beyond loopback are refused, loopback is allowed', async () => {
  expect(() => net.connect({ host: '10.1.2.3', port: 80 })).toThrow(/net-guard/);
  expect(() => net.connect(443, 'example.com')).toThrow(/net-guard/);
  await expect(fetch('http://example.com/')).rejects.toThrow();
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const client = await new Promise<net.Socket>((resolve, reject) => {
    const c = net.connect({ host: '127.0.0.1', port }, () => resolve(c)).on('error', reject);
  });
  client.destroy();
  await new Promise((r) => server.close(r));
});
