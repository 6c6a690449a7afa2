// The errors the front ends tell apart, in a module of their own so a front end can catch them
// without loading the whole engine.
export { ContentError, formatProblem, type Problem } from '../knowledge/problems.js';
export { isStoreFailure, StoreError } from '../db/store-error.js';
