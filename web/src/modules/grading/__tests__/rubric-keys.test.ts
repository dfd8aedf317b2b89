import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftProblem, draftToInput, emptyCriterion } from '../rubric-draft';
import { rubricKeyAction } from '../rubric-keys';

const press = (key: string, target: unknown = null, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) =>
  rubricKeyAction({ key, altKey: false, ctrlKey: false, metaKey: false, target: target as EventTarget | null, ...mods });
const element = (tagName: string, type = '') => ({ tagName, type, isContentEditable: false });

describe('rubric keys', () => {
  it('picks levels with digits and clears with 0', () => {
    assert.deepEqual(press('1'), { kind: 'level', index: 0 });
    assert.deepEqual(press('3'), { kind: 'level', index: 2 });
    assert.deepEqual(press('0'), { kind: 'level', index: null });
  });

  it('moves with j/k and the arrows, except arrows on a radio button', () => {
    assert.deepEqual(press('j'), { kind: 'move', by: 1 });
    assert.deepEqual(press('k'), { kind: 'move', by: -1 });
    assert.deepEqual(press('ArrowDown', element('BODY')), { kind: 'move', by: 1 });
    assert.deepEqual(press('ArrowUp', element('BODY')), { kind: 'move', by: -1 });
    assert.equal(press('ArrowDown', element('INPUT', 'radio')), null);
    assert.deepEqual(press('2', element('INPUT', 'radio')), { kind: 'level', index: 1 });
  });

  it('leaves typing and modified keys alone', () => {
    assert.equal(press('1', element('TEXTAREA')), null);
    assert.equal(press('j', element('INPUT', 'text')), null);
    assert.equal(press('2', element('SELECT')), null);
    assert.equal(press('n', null, { altKey: true }), null);
    assert.equal(press('1', null, { ctrlKey: true }), null);
  });
});

describe('rubric draft', () => {
  it('names a points field that is not a number', () => {
    const c = { ...emptyCriterion(), title: 'Style', maxPoints: '4', levels: [{ key: 'a', id: null, title: 'Clean', points: 'four' }] };
    assert.equal(draftProblem([c]), 'Points of level 1 of Style must be a number.');
    assert.equal(draftProblem([{ ...c, maxPoints: '' }]), 'Max points of Style must be a number.');
  });

  it('sends ids of saved criteria and levels, numbers and one comment per line', () => {
    const c = { key: 'c1', id: 'c1', title: 'Style', description: '', maxPoints: '4', levels: [{ key: 'l1', id: 'l1', title: 'Clean', points: '3,5' }, { key: 'n', id: null, title: 'New', points: '0' }] };
    assert.deepEqual(draftToInput([c], 'Nice\n\n  Check edge cases '), {
      criteria: [{ id: 'c1', title: 'Style', description: null, maxPoints: 4, levels: [{ id: 'l1', title: 'Clean', points: 3.5 }, { title: 'New', points: 0 }] }],
      comments: ['Nice', 'Check edge cases'],
    });
  });
});
