import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-path';

/** Paints the path's rectangles back onto a grid, to compare with the modules it came from. */
function paint(path: string, size: number): boolean[][] {
	const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
	for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
		for (let dx = 0; dx < Number(width); dx++) grid[Number(y)]![Number(x) + dx] = true;
	}
	return grid;
}

describe('qrPath', () => {
	it('draws one rectangle per run of dark modules', () => {
		expect(
			qrPath([
				[true, true, false, true],
				[false, false, false, false],
				[false, true, true, true]
			])
		).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
	});

	it('draws nothing for an all-light grid', () => {
		expect(qrPath([[false, false]])).toBe('');
	});

	it('covers exactly the dark modules of a real QR code', () => {
		const qr = encode('https://argumap.example/join/ABCD2345', { border: 2 });
		const path = qrPath(qr.data);
		expect(path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
		expect(paint(path, qr.size)).toEqual(qr.data);
	});
});
