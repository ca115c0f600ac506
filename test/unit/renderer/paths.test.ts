import { describe, expect, it } from 'vitest';
import { formPathOf } from '../../../renderer/src/autosave/paths';

describe('formPathOf', () => {
  it('strips the call prefix for object sections', () => {
    expect(formPathOf('details', 'update.value.dates.decision')).toBe('dates.decision');
    expect(formPathOf('client', 'update.value.cpr')).toBe('cpr');
  });
  it('wraps list sections in items', () => {
    expect(formPathOf('household', 'update.value.0.name')).toBe('items.0.name');
    expect(formPathOf('risks', 'update.value')).toBe('items');
  });
  it('ignores paths outside the section value', () => {
    expect(formPathOf('details', 'revision')).toBeNull();
    expect(formPathOf('details', 'update.valueX')).toBeNull();
  });
});
