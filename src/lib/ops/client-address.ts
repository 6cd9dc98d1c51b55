/**
 * The shopper's address for per-IP limits (sign-in throttling). Behind a load balancer every
 * request comes from the proxy, so with `TRUST_PROXY_HOPS=n` the address is taken from
 * `X-Forwarded-For`, n entries from the right: the entries our own proxies appended, never one
 * a client wrote itself (a client can put anything at the left of that header).
 */
import { isIP } from 'node:net';

export function clientAddress(forwardedFor: string | null, socketAddress: string, trustedHops: number): string {
  if (trustedHops < 1 || !forwardedFor) return socketAddress;
  const hops = forwardedFor
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - trustedHops];
  return candidate && isIP(candidate) ? candidate : socketAddress;
}
