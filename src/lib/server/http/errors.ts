import { error } from '@sveltejs/kit';

/**
 * 404 for anything missing *or* not the user's: answering 403 would confirm that an id exists,
 * so ids of other people's commentaries and maps could be probed.
 */
export function notFound(): never {
	error(404, { message: 'Not found', code: 'not_found' });
}
