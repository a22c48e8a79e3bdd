/**
 * One SVG path for the dark modules of a QR code, a rectangle per horizontal run, in module
 * units (draw it in a `viewBox` of the code's size). A single path keeps the markup small and
 * needs no `{@html}`.
 */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
	const parts: string[] = [];
	modules.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x++;
			parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
		}
	});
	return parts.join('');
}
