import { describe, expect, it } from 'vitest';
import { chosenHref, pressKey, receiveSuggestions, suggestionPath } from './typeahead-state.ts';

describe('the title typeahead', () => {
  it('opens on suggestions with nothing active, and ArrowDown walks down and wraps to the top', () => {
    let state = receiveSuggestions(3);
    expect(state).toEqual({ open: true, active: -1, count: 3 });
    state = pressKey(state, 'ArrowDown');
    expect(state.active).toBe(0);
    state = pressKey(pressKey(pressKey(state, 'ArrowDown'), 'ArrowDown'), 'ArrowDown');
    expect(state.active).toBe(0);
  });

  it('ArrowUp from nothing active goes to the last suggestion', () => {
    expect(pressKey(receiveSuggestions(3), 'ArrowUp').active).toBe(2);
  });

  it('Escape closes the list and clears the active option; an arrow opens it again', () => {
    const closed = pressKey({ open: true, active: 1, count: 3 }, 'Escape');
    expect(closed).toEqual({ open: false, active: -1, count: 3 });
    expect(pressKey(closed, 'ArrowDown')).toEqual({ open: true, active: 0, count: 3 });
  });

  it('stays closed when there is nothing to suggest', () => {
    expect(receiveSuggestions(0).open).toBe(false);
    expect(pressKey(receiveSuggestions(0), 'ArrowDown')).toEqual({ open: false, active: -1, count: 0 });
  });

  it('jumps to the first and last option with Home and End while open', () => {
    expect(pressKey({ open: true, active: 1, count: 5 }, 'End').active).toBe(4);
    expect(pressKey({ open: true, active: 3, count: 5 }, 'Home').active).toBe(0);
  });

  it('asks the search API for eight suggestions, and nothing for a blank query', () => {
    expect(suggestionPath('  rn ')).toBe('/api/v1/search?q=rn&limit=8');
    expect(suggestionPath('   ')).toBeNull();
  });

  it('leads to the role page, or fills the slug into a template', () => {
    const result = { slug: 'registered-nurses', url: '/roles/registered-nurses/all-levels' };
    expect(chosenHref(result)).toBe('/roles/registered-nurses/all-levels');
    expect(chosenHref(result, '/compare?roles=roofers&add={slug}')).toBe('/compare?roles=roofers&add=registered-nurses');
  });
});
