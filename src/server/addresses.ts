/**
 * The addresses a listening server can be reached at, for the start-up
 * message. "http://localhost:8080" alone sent people to type localhost on
 * a tablet; bound to every interface, the server now names each network
 * address too, and bound to loopback it says that only this machine can
 * reach it.
 */
import type { NetworkInterfaceInfo } from 'node:os';

const ANY = new Set(['0.0.0.0', '::', '']);

export function reachableAddresses(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): { urls: string[]; loopbackOnly: boolean } {
  const url = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
  if (!ANY.has(host)) {
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
    return { urls: loopback ? [url('localhost')] : [url(host)], loopbackOnly: loopback };
  }
  const network: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.internal) continue;
      if (info.family === 'IPv4') network.push(url(info.address));
      else if (host === '::' && !info.address.startsWith('fe80')) network.push(url(info.address));
    }
  }
  return { urls: [url('localhost'), ...network], loopbackOnly: false };
}
