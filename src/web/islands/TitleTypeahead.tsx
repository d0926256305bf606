/// <reference lib="dom" />
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResponse } from '../../features/open-data/api.schemas.ts';
import {
  chosenHref,
  pressKey,
  receiveSuggestions,
  suggestionPath,
  TYPEAHEAD_DEBOUNCE_MS,
  type TypeaheadKey,
  type TypeaheadState,
} from '../../presentation/site-pages/typeahead-state.ts';
import { groupHits, inGroupOrder } from '../../presentation/site-pages/search-groups.ts';
import { rendersWithPreact } from '../lib/preact-island.ts';
import type { TypeaheadProps } from '../../presentation/query-pages/page-body.ts';

type Props = TypeaheadProps;

type Result = SearchResponse['results'][number];

const CLOSED: TypeaheadState = { open: false, active: -1, count: 0 };
const KEYS = new Set<string>(['ArrowDown', 'ArrowUp', 'Escape', 'Home', 'End']);

/** On a phone, scrolls the box to the top of the screen so the suggestions show above the on-screen keyboard. */
function bringToTopOnPhone(element: HTMLInputElement | null) {
  if (!element || !window.matchMedia('(max-width: 40rem)').matches) return;
  const top = element.getBoundingClientRect().top + window.scrollY - 8;
  window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
}

/** A job-title search box: a plain GET form, enhanced into an ARIA combobox with suggestions from /api/v1/search. */
export default function TitleTypeahead(props: Props) {
  const { id, label, placeholder, initialQuery = '', action = '/search', name = 'q', submitLabel = 'Search', hidden = {}, chooseHref, size = 'normal' } = props;
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<Result[]>([]);
  const input = useRef<HTMLInputElement | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [state, setState] = useState<TypeaheadState>(CLOSED);
  const [enhanced, setEnhanced] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    setEnhanced(true);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      request.current?.abort();
    };
  }, []);

  const fetchSuggestions = (text: string) => {
    request.current?.abort();
    const path = suggestionPath(text);
    if (!path) {
      setResults([]);
      setNotice(null);
      setState(CLOSED);
      return;
    }
    const controller = new AbortController();
    request.current = controller;
    fetch(path, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<SearchResponse>) : null))
      .then((body) => {
        if (!body || controller.signal.aborted) return;
        setResults(inGroupOrder(groupHits(body.results)));
        setNotice(body.notInCatalog ? `Not in the catalog: ${body.notInCatalog.reason}. Nearest civilian occupations:` : null);
        setState(receiveSuggestions(body.results.length));
      })
      .catch(() => undefined);
  };

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value;
    setQuery(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => fetchSuggestions(text), TYPEAHEAD_DEBOUNCE_MS);
  };

  const choose = (result: Result) => {
    window.location.assign(chosenHref(result, chooseHref));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      const result = state.open ? results[state.active] : undefined;
      if (result) {
        event.preventDefault();
        choose(result);
      }
      return;
    }
    if (!KEYS.has(event.key)) return;
    if ((event.key === 'Home' || event.key === 'End') && !state.open) return;
    if (event.key === 'Escape' && !state.open) {
      setQuery('');
      return;
    }
    event.preventDefault();
    setState(pressKey({ ...state, count: results.length }, event.key as TypeaheadKey));
  };

  const open = enhanced && state.open && results.length > 0;
  const active = open && state.active >= 0 ? optionId(state.active) : undefined;
  const count = results.length === 0 ? 'No suggestions.' : `${results.length} suggestion${results.length === 1 ? '' : 's'}; use the up and down arrows to choose.`;
  const status = !enhanced || query.trim() === '' ? '' : notice ? `${notice} ${count}` : count;

  const renderOption = (result: Result, index: number, grouped: boolean) => (
    <li
      id={optionId(index)}
      key={`${result.slug}-${index}`}
      role="option"
      aria-selected={index === state.active ? 'true' : 'false'}
      class={`typeahead__option${grouped ? ' typeahead__option--grouped' : ''}`}
      onMouseDown={(event) => {
        event.preventDefault();
        choose(result);
      }}
    >
      <span class="typeahead__title">
        {!grouped && result.matchedTitle.toLowerCase() !== result.title.toLowerCase() ? (
          <>
            <span class="typeahead__matched">{result.matchedTitle}</span> → {result.title}
          </>
        ) : (
          <span class="typeahead__own">{result.title}</span>
        )}
        {result.description && <span class="typeahead__description">{result.description}</span>}
        {!grouped && <span class="typeahead__why">{result.explanation}</span>}
      </span>
      {result.zone && result.score !== null ? (
        <span class="typeahead__figure">
          <span class="typeahead__score">{result.score.toFixed(1)}</span>{' '}
          <span class={`zone zone--${result.zone.toLowerCase()}`}>{result.zone}</span>
        </span>
      ) : (
        <span class="typeahead__figure muted">not assessed</span>
      )}
    </li>
  );

  return (
    <form class={`typeahead typeahead--${size}`} action={action} method="get" role="search" aria-label={label} onSubmit={() => setState(CLOSED)}>
      <label class="typeahead__label" for={id}>
        {label}
      </label>
      <div class="typeahead__row">
        <div class="typeahead__box">
          {Object.entries(hidden).map(([field, value]) => (
            <input type="hidden" name={field} value={value} key={field} />
          ))}
          <input
            id={id}
            type="search"
            name={name}
            value={query}
            placeholder={placeholder}
            autocomplete="off"
            spellcheck={false}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={listId}
            aria-activedescendant={active}
            onInput={onInput}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setState((current) => ({ ...current, open: false, active: -1 })), 150)}
            ref={input}
            onFocus={() => {
              bringToTopOnPhone(input.current);
              if (results.length > 0) setState(receiveSuggestions(results.length));
            }}
          />
          <div class="typeahead__panel" hidden={!open}>
            {notice && <p class="typeahead__notice">{notice}</p>}
            <ul id={listId} role="listbox" aria-label={`Suggestions for ${label.toLowerCase()}`} class="typeahead__list" hidden={!open}>
              {groupHits(results).map((group, groupIndex) => {
                const options = group.hits.map((result) => renderOption(result, results.indexOf(result), group.heading !== null));
                if (group.heading === null) return options;
                const headingId = `${id}-group-${groupIndex}`;
                return (
                  <li role="presentation" key={headingId} class="typeahead__group-item">
                    <ul role="group" aria-labelledby={headingId} class="typeahead__group">
                      <li role="presentation" id={headingId} class="typeahead__group-heading">
                        “{group.heading}” can mean {group.hits.length} different jobs
                      </li>
                      {options}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
        <button type="submit">{submitLabel}</button>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </form>
  );
}

rendersWithPreact(TitleTypeahead);
