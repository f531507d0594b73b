import { describe, expect, it } from 'vitest';
import { isLoopback, nonPublicReason } from '../domain/addresses.ts';

describe('the address classifier', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '114.114.114.114',
    '100.63.255.255', // just below the shared space
    '100.128.0.0', // just above it
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '192.169.0.1',
    '198.20.0.1',
    '223.255.255.255',
    '2400:da00::6666',
    '2001:4860:4860::8888',
    '2001:200::1', // first address above 2001::/23
    '64:ff9b::808:808', // NAT64 of 8.8.8.8, as a DNS64 resolver in an IPv6-only VPC answers
    '::ffff:8.8.8.8',
    '2002:808:808::1', // 6to4 of 8.8.8.8
  ])('lets %s through', (ip) => {
    expect(nonPublicReason(ip)).toBeUndefined();
  });

  it.each([
    ['0.0.0.0', 'this network'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.170.2', 'link-local'], // the ECS/Lambda credentials endpoint
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.170', 'IETF'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', '6to4 relay'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::a9fe:a9fe', 'IPv4-compatible'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 (64:ff9b::/96) of link-local'],
    ['64:ff9b::127.0.0.1', 'NAT64 (64:ff9b::/96) of loopback'],
    ['64:ff9b::a00:1', 'NAT64 (64:ff9b::/96) of private'],
    ['64:ff9b:1::808:808', 'local-use NAT64'],
    ['2002:a9fe:a9fe::1', '6to4 (2002::/16) of link-local'],
    ['2002:7f00:1::', '6to4 (2002::/16) of loopback'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['feff::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['100::1', 'not global unicast'],
    ['4000::1', 'not global unicast'],
    ['localhost', 'not an IP address'],
    ['169.254.169.254.nip.io', 'not an IP address'],
    ['', 'not an IP address'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(nonPublicReason(ip)?.en).toContain(why);
  });

  it('knows loopback in every spelling the local receivers use, and nothing else', () => {
    for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(ip), ip).toBe(true);
    for (const ip of ['10.0.0.1', '::', '64:ff9b::7f00:1', 'fe80::1', 'localhost']) expect(isLoopback(ip), ip).toBe(false);
  });
});
