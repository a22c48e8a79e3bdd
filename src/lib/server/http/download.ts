/** A file name from a title: no path separators, quotes or control characters; never empty. */
export function safeFileName(title: string, extension: string): string {
	const base = title
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '')
		.slice(0, 80)
		.trim();
	return `${base || 'argumap'}.${extension}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function attachmentHeader(fileName: string): string {
	const ascii = fileName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]/g, '_')
		.replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A download response with the right type and an attachment disposition. */
export function download(body: string, fileName: string, contentType: string) {
	return new Response(body, {
		headers: {
			'Content-Type': contentType,
			'Content-Disposition': attachmentHeader(fileName),
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
