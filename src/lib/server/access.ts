import type { ExpressionBuilder } from 'kysely';
import type { Database } from './db/schema';

/**
 * The one read rule for commentaries and maps: public ones for everybody, the rest for their
 * owner only; an anonymous reader (null) sees public ones. Every query that reads either uses it.
 */
export function commentaryReadableBy(userId: string | null) {
	return (eb: ExpressionBuilder<Database, 'commentaries'>) =>
		userId === null
			? eb('commentaries.visibility', '=', 'public')
			: eb.or([
					eb('commentaries.visibility', '=', 'public'),
					eb('commentaries.ownerId', '=', userId)
				]);
}

export function mapReadableBy(userId: string | null) {
	return (eb: ExpressionBuilder<Database, 'maps'>) =>
		userId === null
			? eb('maps.visibility', '=', 'public')
			: eb.or([eb('maps.visibility', '=', 'public'), eb('maps.ownerId', '=', userId)]);
}
