import { describe, expect, test } from 'vitest';
import { CLEAN, diagnose } from './validation-helpers.js';

describe('the clean fixture', () => {
    test('breaks no rule', async () => {
        expect(await diagnose(CLEAN)).toEqual([]);
    });
});
