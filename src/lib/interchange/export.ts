import { exportAif, exportOva } from './aif';
import { exportArgdown } from './argdown';
import { exportArgumapJson } from './argumap-json';
import { exportMarkdownOutline, type OutlineLabels } from './markdown';
import { exportSvg } from './svg';
import type { MapBundle } from './types';

export const EXPORT_FORMATS = {
	json: { extension: 'argumap.json', type: 'application/json; charset=utf-8' },
	aif: { extension: 'aif.json', type: 'application/json; charset=utf-8' },
	ova: { extension: 'ova.json', type: 'application/json; charset=utf-8' },
	argdown: { extension: 'argdown', type: 'text/plain; charset=utf-8' },
	md: { extension: 'md', type: 'text/markdown; charset=utf-8' },
	svg: { extension: 'svg', type: 'image/svg+xml; charset=utf-8' }
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
	return Object.hasOwn(EXPORT_FORMATS, value);
}

/** A map in one of the export formats; the outline wording is needed for Markdown only. */
export function exportBundle(
	format: ExportFormat,
	bundle: MapBundle,
	labels: OutlineLabels
): string {
	switch (format) {
		case 'json':
			return exportArgumapJson(bundle);
		case 'aif':
			return exportAif(bundle);
		case 'ova':
			return exportOva(bundle);
		case 'argdown':
			return exportArgdown(bundle);
		case 'md':
			return exportMarkdownOutline(bundle, labels);
		case 'svg':
			return exportSvg(bundle.map, bundle.title);
	}
}
