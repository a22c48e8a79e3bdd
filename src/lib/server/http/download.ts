import { fileNameBase } from '$lib/text/file-name';

/** A download's file name: the cleaned title plus the extension. */
export function safeFileName(title: string, extension: string): string {
	return `${fileNameBase(title)}.${extension}`;
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
