const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id in the model's id alphabet, prefixed by what it names (s: statement, r: relation). */
export function newElementId(prefix: 's' | 'r'): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	let id = prefix;
	for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
	return id;
}
