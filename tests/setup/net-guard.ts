// Any attempt to reach beyond loopback fails the test at once instead of hanging.
import dns from 'dns';
import net from 'net';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
function isLoopback(host: string | undefined): boolean {
  if (!host) return true;
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function refused(host: string): Error {
  return new Error(`net-guard: connection to non-loopback host "${host}" refused in tests`);
}

const originalLookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopback(hostname)) throw refused(hostname);
  return (originalLookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
};

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  // net.connect() passes its normalized arguments as one array: [options, callback]
  const first = (Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]) as { host?: string; path?: string } | number | string;
  let host: string | undefined;
  if (typeof first === 'object' && first !== null) {
    if (first.path) return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    host = first.host;
  } else if (typeof first === 'number') {
    host = typeof args[1] === 'string' ? (args[1] as string) : undefined;
  } else if (typeof first === 'string') {
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args); // a Unix socket path
  }
  if (!isLoopback(host)) throw refused(String(host));
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
