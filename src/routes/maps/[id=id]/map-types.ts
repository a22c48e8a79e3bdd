import type { PageData } from './$types';

export type ReadableMap = PageData['map'];
