import { formatJoinCode, normalizeJoinCode } from '$lib/classes/join-code';
import { getDb } from '$lib/server/db';
import { formText } from '$lib/server/form';
import { submitJoinCode } from '$lib/server/join-form';
import { requireUser } from '$lib/server/session-guard';
import type { Actions, PageServerLoad } from './$types';

/** Looks nothing up: opening a link neither reveals whether a code is valid nor joins. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const { user } = requireUser(locals, url);
	const code = normalizeJoinCode(params.code);
	return { code: code ? formatJoinCode(code) : params.code, displayName: user.displayName };
};

export const actions: Actions = {
	default: async ({ locals, url, request, getClientAddress, setHeaders }) => {
		const { user } = requireUser(locals, url);
		const code = formText(await request.formData(), 'code');
		return submitJoinCode(getDb(), user.id, code, getClientAddress(), setHeaders);
	}
};
