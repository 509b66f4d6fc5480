// The pure value layer: exact numbers, money, dates, periods and their formatting. No Langium,
// no I/O, so the validator, generators, CLI and tests can all share it.

export * from './decimal.js';
export * from './number-literal.js';
export * from './currency.js';
export * from './money.js';
export * from './date.js';
export * from './period.js';
export * from './format.js';
