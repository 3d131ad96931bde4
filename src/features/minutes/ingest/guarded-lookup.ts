import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from "node:dns";
import { isIP } from "node:net";
import { isPublicAddress } from "./address-policy";
import { FetchError } from "./fetch-error";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFunction = (
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
) => void;

/**
 * A DNS lookup for node:http that refuses private addresses at connection time, so a name that
 * resolves to a public address when checked and a private one when connecting cannot slip through.
 */
export function guardedLookup(allowPrivateHosts: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivateHosts ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(privateAddressError(hostname, refused.address), []);
      if ("all" in options && options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new FetchError(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

/** Literal IP hosts skip DNS, so they are checked before connecting. */
export function checkLiteralHost(hostname: string, allowPrivateHosts: boolean): void {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivateHosts && isIP(bare) && !isPublicAddress(bare)) throw privateAddressError(hostname, bare);
}

function privateAddressError(hostname: string, address: string): FetchError {
  return new FetchError(
    `Refused to fetch ${hostname}: it is a loopback or private address (${address}). ` +
      "Only public web addresses can be sources (FETCH_ALLOW_PRIVATE_HOSTS=true lifts this, for testing only).",
    false,
  );
}
