import { relocateMapAnchors } from '$lib/argument';
import { validateCommentary } from '$lib/commentary/rules';
import { importMapFile, type ImportFormat } from '$lib/interchange/import';
import type { ImportError } from '$lib/interchange/types';
import { MAP_TITLE_MAX_LENGTH } from '$lib/maps/rules';
import { withoutNul } from '$lib/text/nul';
import { createCommentary } from './commentaries';
import type { AppDatabase } from './db';
import { createMap } from './maps';

export type MapImportResult =
	| { ok: true; mapId: string; skipped: string[] }
	| { ok: false; error: Omit<ImportError, 'code'> & { code: string } };

/**
 * Imports a file as a new private commentary with a new map of it, owned by `ownerId`. The file
 * is refused whole on any problem, and commentary and map are written together or not at all.
 */
export async function importMapForUser(
	db: AppDatabase,
	ownerId: string,
	fileName: string,
	text: string,
	format: ImportFormat
): Promise<MapImportResult> {
	const result = importMapFile(fileName, text, format);
	if (!result.ok) return result;
	const { bundle } = result;
	const commentary = validateCommentary({
		...bundle.commentary,
		publishedOn: bundle.commentary.publishedOn ?? '',
		sourceUrl: bundle.commentary.sourceUrl ?? ''
	});
	if (!commentary.ok) return { ok: false, error: { code: commentary.code } };
	// Normalising the text (line ends, NFC) may shift offsets: re-find every anchor, or refuse.
	const relocated = relocateMapAnchors(bundle.map, commentary.value.body);
	if (relocated.lost.length > 0) {
		return {
			ok: false,
			error: {
				code: 'import_invalid_document',
				detail: relocated.lost[0]!.anchor.quote.slice(0, 60)
			}
		};
	}
	const mapId = await db.transaction().execute(async (trx) => {
		const commentaryId = await createCommentary(trx, ownerId, commentary.value);
		return createMap(trx, {
			ownerId,
			commentaryId,
			title:
				withoutNul(bundle.title).trim().slice(0, MAP_TITLE_MAX_LENGTH) || commentary.value.title,
			map: relocated.map
		});
	});
	return { ok: true, mapId, skipped: result.skipped };
}
