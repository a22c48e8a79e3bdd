import type { ImportError, ImportErrorCode } from '$lib/interchange/types';
import { m } from '$lib/paraglide/messages.js';
import { errorMessage } from './error-message';

const messages: Record<ImportErrorCode, () => string> = {
	import_too_large: () => m.import_too_large(),
	import_not_json: () => m.import_not_json(),
	import_not_xml: () => m.import_not_xml(),
	import_unknown_format: () => m.import_unknown_format(),
	import_invalid_document: () => m.import_invalid_document(),
	import_dangling_reference: () => m.import_dangling_reference(),
	import_empty: () => m.import_empty(),
	import_argdown_syntax: () => m.import_argdown_syntax(),
	import_unsupported_structure: () => m.import_unsupported_structure()
};

/** An import error in the UI language, with where in the file it happened. */
export function importErrorMessage(
	error: { code: string } & Partial<Omit<ImportError, 'code'>>
): string {
	const text = Object.hasOwn(messages, error.code)
		? messages[error.code as ImportErrorCode]()
		: errorMessage(error.code);
	const where =
		error.line !== undefined
			? m.import_at_line({ line: error.line, column: error.column ?? 1 })
			: error.path && error.path.length > 0
				? m.import_at_path({ path: error.path.join('.') })
				: '';
	return [text, where, error.detail ? `(${error.detail})` : ''].filter(Boolean).join(' ');
}
