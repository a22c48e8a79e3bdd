import type { Migration } from 'kysely';
import * as foundation from './0001_foundation';
import * as maps from './0002_maps';
import * as classes from './0003_classes';
import * as comparisons from './0004_comparisons';

/** Every migration, in order. Listed in code so the bundled server needs no directory scan. */
export const migrations: Record<string, Migration> = {
	'0001_foundation': foundation,
	'0002_maps': maps,
	'0003_classes': classes,
	'0004_comparisons': comparisons
};
