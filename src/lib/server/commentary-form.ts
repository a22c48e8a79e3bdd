import type { CommentaryInput } from '$lib/commentary/rules';
import { formText } from './form';

export function commentaryInputFromForm(data: FormData): CommentaryInput {
	return {
		title: formText(data, 'title'),
		author: formText(data, 'author'),
		outlet: formText(data, 'outlet'),
		publishedOn: formText(data, 'publishedOn'),
		sourceUrl: formText(data, 'sourceUrl'),
		language: formText(data, 'language'),
		body: formText(data, 'body')
	};
}
