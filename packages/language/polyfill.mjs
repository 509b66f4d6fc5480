// Node 20 lacks Object.groupBy / Map.groupBy, which chevrotain >= 12 (under Langium 4.4) calls.
// Loaded first by every entry point, by vitest's setupFiles and by `langium generate`.
import 'core-js/actual/object/group-by.js';
import 'core-js/actual/map/group-by.js';
