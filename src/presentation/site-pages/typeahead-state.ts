/** What the typeahead shows: the suggestions, whether the list is open and which option is active (-1 for none). */
export interface TypeaheadState {
  open: boolean;
  active: number;
  count: number;
}

export type TypeaheadKey = 'ArrowDown' | 'ArrowUp' | 'Escape' | 'Home' | 'End';

/** Debounce between the last keystroke and the suggestion request, in milliseconds. */
export const TYPEAHEAD_DEBOUNCE_MS = 150;
/** Suggestions asked for per request. */
export const TYPEAHEAD_LIMIT = 8;

/** Moves through the suggestions as the combobox pattern says: arrows wrap, Escape closes, an arrow on a closed list opens it. */
export function pressKey(state: TypeaheadState, key: TypeaheadKey): TypeaheadState {
  const { count } = state;
  if (key === 'Escape') return { ...state, open: false, active: -1 };
  if (count === 0) return { ...state, open: false, active: -1 };
  switch (key) {
    case 'ArrowDown':
      return { ...state, open: true, active: !state.open || state.active >= count - 1 ? 0 : state.active + 1 };
    case 'ArrowUp':
      return { ...state, open: true, active: !state.open || state.active <= 0 ? count - 1 : state.active - 1 };
    case 'Home':
      return state.open ? { ...state, active: 0 } : state;
    case 'End':
      return state.open ? { ...state, active: count - 1 } : state;
  }
}

/** Opens the list on new suggestions (closed when there are none) with no option active. */
export function receiveSuggestions(count: number): TypeaheadState {
  return { open: count > 0, active: -1, count };
}

/** Builds the suggestion request path for a query, or null when there is nothing to ask. */
export function suggestionPath(query: string, limit: number = TYPEAHEAD_LIMIT): string | null {
  const trimmed = query.trim();
  if (trimmed === '') return null;
  return `/api/v1/search?${new URLSearchParams({ q: trimmed, limit: String(limit) }).toString()}`;
}

/** Returns where choosing a suggestion leads: its page, or a template with {slug} filled in (compare's "add"). */
export function chosenHref(result: { slug: string; url: string }, template?: string): string {
  return template ? template.replace('{slug}', encodeURIComponent(result.slug)) : result.url;
}
