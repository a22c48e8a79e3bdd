// A temporary database with the benchmark's maps, written through the app's own data layer.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { createCommentary } from '../src/lib/server/commentaries';
import { openDatabase } from '../src/lib/server/db/connection';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { AppDatabase } from '../src/lib/server/db';
import { createMap } from '../src/lib/server/maps';
import { createUser } from '../src/lib/server/users';
import { layoutWithGraphviz } from '../src/lib/components/graph/graphviz-layout';
import { graphElements } from '../src/lib/editor/graph-elements';
import type { ArgumentMap } from '../src/lib/argument';
import { generateMap, withPositions } from './generate';

export interface SeededMap {
	size: number;
	/** Every statement placed, as after a first layout: opening it does no layout. */
	placedId: string;
	/** No stored positions: opening it runs the automatic layout. */
	unplacedId: string;
}

export interface Seeded {
	sessionToken: string;
	userId: string;
	maps: SeededMap[];
	/** Small maps, one per autosave connection, so concurrent saves do not conflict. */
	autosaveMapIds: string[];
	autosaveStatements: number;
	/** The placed maps as stored, by id, for the bare page. */
	placedMaps: Map<string, ArgumentMap>;
}

export const AUTOSAVE_MAP_SIZE = 50;

export async function seedDatabase(
	path: string,
	sizes: readonly number[],
	autosaveMaps: number
): Promise<Seeded> {
	const db = openDatabase(path);
	try {
		await migrateToLatest(db);
		const user = await createUser(db, {
			username: 'bench',
			displayName: 'Bench',
			email: '',
			password: 'benchmark-password-1234'
		});
		if (!user.ok) throw new Error(`could not create the bench user: ${user.code}`);
		const userId = user.value.id;
		const sessionToken = generateSessionToken();
		await createSession(db, sessionToken, userId);
		const graphviz = await Graphviz.load();
		const maps: SeededMap[] = [];
		const placedMaps = new Map<string, ArgumentMap>();
		for (const size of sizes) {
			const { map, text } = generateMap(size);
			const commentaryId = await commentary(db, userId, text, size);
			const positions = layoutWithGraphviz(graphviz, graphElements(map));
			const placed = withPositions(map, new Map(Object.entries(positions)));
			const placedId = await createMap(db, {
				ownerId: userId,
				commentaryId,
				title: `Bench ${size} placed`,
				map: placed,
				visibility: 'public'
			});
			placedMaps.set(placedId, placed);
			maps.push({
				size,
				placedId,
				unplacedId: await createMap(db, {
					ownerId: userId,
					commentaryId,
					title: `Bench ${size} unplaced`,
					map,
					visibility: 'public'
				})
			});
		}
		const small = generateMap(AUTOSAVE_MAP_SIZE, 7);
		const smallCommentary = await commentary(db, userId, small.text, AUTOSAVE_MAP_SIZE);
		const autosaveMapIds: string[] = [];
		for (let i = 0; i < autosaveMaps; i++) {
			autosaveMapIds.push(
				await createMap(db, {
					ownerId: userId,
					commentaryId: smallCommentary,
					title: `Autosave ${i}`,
					map: small.map
				})
			);
		}
		return {
			sessionToken,
			userId,
			maps,
			autosaveMapIds,
			autosaveStatements: AUTOSAVE_MAP_SIZE,
			placedMaps
		};
	} finally {
		await db.destroy();
	}
}

function commentary(db: AppDatabase, userId: string, body: string, size: number) {
	return createCommentary(db, userId, {
		title: `Benchmark commentary (${size} statements)`,
		author: 'Bench',
		outlet: 'Bench',
		publishedOn: null,
		sourceUrl: null,
		language: 'en',
		body
	});
}
