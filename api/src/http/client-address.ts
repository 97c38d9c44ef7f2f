/**
 * Who a request comes from, for its budget and its allowance of wrong tokens. Without trusted
 * proxies it is the connection's peer. Behind a reverse proxy (HUB_TRUST_PROXY) it is read from
 * X-Forwarded-For, right to left: every hop that is a trusted proxy is skipped, and the first
 * one that is not is the client — so a client cannot choose its own address by sending the
 * header itself (the proxy appends the real one after whatever the client wrote).
 */
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** What `loopback` in HUB_TRUST_PROXY stands for: a proxy on the same machine. */
const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];

export interface TrustedProxies {
  /** the entries as configured (addresses, CIDRs, `loopback`) */
  entries: string[];
  has(address: string): boolean;
}

/** An address as compared: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as IPv4, brackets and a port removed. */
export function normaliseAddress(raw: string): string | undefined {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  return isIP(a) ? a.toLowerCase() : undefined;
}

/**
 * Reads HUB_TRUST_PROXY's entries — addresses (`10.0.0.5`, `::1`), ranges (`10.0.0.0/8`,
 * `fd00::/8`) or `loopback` — and says what is wrong with each entry that is none of these.
 */
export function parseTrustedProxies(entries: readonly string[]): { proxies: TrustedProxies; problems: string[] } {
  const list = new BlockList();
  const problems: string[] = [];
  const add = (entry: string) => {
    const [address, bits, extra] = entry.split('/');
    const ip = normaliseAddress(address);
    const family = ip && isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const prefix = bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits);
    if (!ip || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 'ipv6' ? 128 : 32)) {
      problems.push(`HUB_TRUST_PROXY: "${entry}" is not an address, a range (10.0.0.0/8) or loopback`);
      return;
    }
    list.addSubnet(ip, prefix, family);
  };
  for (const entry of entries) {
    if (entry === 'loopback') LOOPBACK_RANGES.forEach(add);
    else add(entry);
  }
  return {
    proxies: {
      entries: [...entries],
      has: (address) => {
        const ip = normaliseAddress(address);
        return !!ip && list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
      },
    },
    problems,
  };
}

export const NO_TRUSTED_PROXIES: TrustedProxies = parseTrustedProxies([]).proxies;

/** The client's address: the peer, or — when the peer is a trusted proxy — the first untrusted hop of X-Forwarded-For from the right. */
export function clientAddress(req: IncomingMessage, proxies: TrustedProxies): string {
  let address = normaliseAddress(req.socket.remoteAddress ?? '') ?? 'unknown';
  const header = req.headers['x-forwarded-for'];
  if (!header) return address;
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',');
  while (proxies.has(address) && hops.length) {
    const hop = normaliseAddress(hops.pop()!);
    // a hop that is no address was not written by a proxy: the last proxy is the client we know
    if (!hop) break;
    address = hop;
  }
  return address;
}

/** Whether a request says it was forwarded (a proxy in front): then it is not the machine's own, whatever its peer. */
export function isForwarded(req: IncomingMessage): boolean {
  return req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
}
