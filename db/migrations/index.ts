import type { Migration } from 'kysely';
import * as foundation from './0001_foundation';
import * as maps from './0002_maps';

/** Every migration, in order. Listed in code so the bundled server needs no directory scan. */
export const migrations: Record<string, Migration> = {
	'0001_foundation': foundation,
	'0002_maps': maps
};
