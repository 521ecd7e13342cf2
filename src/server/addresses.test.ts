import { describe, expect, it } from 'vitest';
import { reachableAddresses } from './addresses';

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
  eth0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
    { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: '', cidr: null, scopeid: 2 },
  ],
} as const;

describe('reachableAddresses', () => {
  it('names every network address when bound to all interfaces', () => {
    expect(reachableAddresses('0.0.0.0', 8080, interfaces as never)).toEqual({
      urls: ['http://localhost:8080', 'http://192.168.1.20:8080'],
      loopbackOnly: false,
    });
  });

  it('says only this machine can reach a loopback server', () => {
    expect(reachableAddresses('127.0.0.1', 8080, interfaces as never)).toEqual({ urls: ['http://localhost:8080'], loopbackOnly: true });
  });

  it('names the one address it was bound to', () => {
    expect(reachableAddresses('192.168.1.20', 80, interfaces as never).urls).toEqual(['http://192.168.1.20:80']);
  });
});
