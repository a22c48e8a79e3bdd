import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random identifier of `bytes` × 8 bits, URL-safe. */
export function randomId(bytes = 15): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}
