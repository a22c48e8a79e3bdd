import { IMPORT_FORMATS, type ImportFormat } from '$lib/interchange/import';
import { IMPORT_MAX_BYTES } from '$lib/interchange/types';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { importMapForUser } from '$lib/server/map-import';
import { requireUser } from '$lib/server/session-guard';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	return { maxBytes: IMPORT_MAX_BYTES };
};

/** Too large: 413; a file that is there but malformed or breaks the map's rules: 422. */
function importFailureStatus(code: string): 400 | 413 | 422 {
	if (code === 'import_too_large' || code === 'commentary_text_too_long') return 413;
	return code === 'import_empty' ? 400 : 422;
}

function isFormat(value: string): value is ImportFormat {
	return (IMPORT_FORMATS as readonly string[]).includes(value);
}

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const { user } = requireUser(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { error: { code: 'import_empty' } });
		}
		if (file.size > IMPORT_MAX_BYTES) return fail(413, { error: { code: 'import_too_large' } });
		const format = formText(data, 'format');
		const imported = await importMapForUser(
			getDb(),
			user.id,
			file.name,
			await file.text(),
			isFormat(format) ? format : 'auto'
		);
		if (!imported.ok) {
			return fail(importFailureStatus(imported.error.code), { error: imported.error });
		}
		const query = imported.skipped.length
			? `?skipped=${encodeURIComponent(imported.skipped.join('\n'))}`
			: '';
		redirect(303, `/maps/${imported.mapId}${query}`);
	}
};
