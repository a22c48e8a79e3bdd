export type {
	Anchor,
	ArgumentMap,
	Attack,
	AttackTarget,
	Position,
	Relation,
	Statement,
	StatementRole,
	Support
} from './types';
export { STATEMENT_ROLES } from './types';
export { ID_PATTERN, isValidId, MAP_LIMITS } from './limits';
export type { InvariantCode, InvariantViolation, IssuePath } from './invariants';
export { findInvariantViolations, isAnchorInRange } from './invariants';
export type {
	MapDocument,
	MapIssue,
	MapIssueCode,
	ParseMapResult,
	SchemaIssueCode
} from './schema';
export { createMapDocument, MAP_FORMAT, MAP_FORMAT_VERSION, parseMapDocument } from './schema';
export type {
	ModelErrorCode,
	NewAttack,
	NewStatement,
	NewSupport,
	OperationResult,
	StatementChanges
} from './operations';
export {
	addAnchor,
	addAttack,
	addPremiseToSupport,
	addStatement,
	addSupport,
	emptyMap,
	moveStatement,
	removeAnchor,
	removePremiseFromSupport,
	removeRelation,
	removeStatement,
	updateStatement
} from './operations';
export type { LostAnchor } from './anchors';
export { anchorFromSelection, relocateAnchor, relocateMapAnchors } from './anchors';
export type { SentenceRange } from './sentences';
export { splitSentences } from './sentences';
export type { MapCheck, MapCheckCode } from './analysis';
export { anchorCoverage, checkMap } from './analysis';
export type { OutlineAttackNode, OutlineStatementNode, OutlineSupportNode } from './outline';
export { outlineTree } from './outline';
