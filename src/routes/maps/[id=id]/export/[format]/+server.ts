import { outlineLabels } from '$lib/i18n/outline-labels';
import { EXPORT_FORMATS, exportBundle, isExportFormat } from '$lib/interchange/export';
import { getDb } from '$lib/server/db';
import { download, safeFileName } from '$lib/server/http/download';
import { notFound } from '$lib/server/http/errors';
import { getMapBundle } from '$lib/server/maps';
import type { RequestHandler } from './$types';

/** Downloads a map the user may read, in one of the interchange formats. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!isExportFormat(params.format)) notFound();
	const bundle = await getMapBundle(getDb(), params.id, locals.user?.id ?? null);
	if (!bundle) notFound();
	const { extension, type } = EXPORT_FORMATS[params.format];
	return download(
		exportBundle(params.format, bundle, outlineLabels()),
		safeFileName(bundle.title, extension),
		type
	);
};
