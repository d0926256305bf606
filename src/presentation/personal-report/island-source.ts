import type { PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import type { RelatedOccupation, ReportSource } from '../../features/personal-report/report-source.ts';
import type { ReportView } from './report-view.ts';

/**
 * The report's source as the island's props carry it (ADR 0174). The related occupations' tasks
 * (three quarters of the props) are the same for every report of a role: the props keep only the
 * occupations the reader's inputs already add from, and the browser fetches the whole list from the
 * role's shared file when the reader starts editing. The whole list stays on the object for the
 * island's server render, as a property that is not enumerable: prop serialisation (Astro's and
 * src/presentation/query-pages/astro-island.ts) writes only enumerable properties, so it never
 * reaches the page twice. The page's view of the same inputs rides along the same way, so the
 * server render does not compute the report a second time.
 */
export function islandSourceOf(source: ReportSource, inputs: PersonalInputs, view?: ReportView): ReportSource {
  const used = new Set(inputs.add.map((ref) => ref.onetCode));
  const island: ReportSource = { ...source, related: source.related.filter((occupation) => used.has(occupation.onetCode)) };
  Object.defineProperty(island, SERVER_RELATED, { value: source.related, enumerable: false });
  if (view) Object.defineProperty(island, SERVER_VIEW, { value: view, enumerable: false });
  return island;
}

const SERVER_RELATED = 'everyRelated';
const SERVER_VIEW = 'initialView';

/** Returns the view of the island's initial inputs the page already computed (the server render); null in the browser. */
export function serverViewOf(source: ReportSource): ReportView | null {
  const value: unknown = (source as unknown as Record<string, unknown>)[SERVER_VIEW];
  return value && typeof value === 'object' ? (value as ReportView) : null;
}

/** Returns every related occupation when the source came from islandSourceOf in this process (the server render); null in the browser. */
export function serverRelatedOf(source: ReportSource): RelatedOccupation[] | null {
  const value: unknown = (source as unknown as Record<string, unknown>)[SERVER_RELATED];
  return Array.isArray(value) ? (value as RelatedOccupation[]) : null;
}

export interface AddOptionGroup {
  occupation: string;
  options: { value: string; label: string }[];
}

// Escapes as preact-render-to-string escapes text and attributes, so the list is byte for byte what its JSX rendered.
const escapeLikePreact = (text: string) => (/["&<]/.test(text) ? text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;') : text);

/**
 * The add-a-task list's options as markup. The island sets them as the select's inner HTML, so
 * hydration keeps the server's options while the browser has not fetched the related tasks yet.
 */
export function addOptionsHtml(groups: readonly AddOptionGroup[]): string {
  let html = '<option value>Choose a task…</option>';
  for (const group of groups) {
    html += `<optgroup label="${escapeLikePreact(group.occupation)}">`;
    for (const option of group.options) html += `<option value="${escapeLikePreact(option.value)}">${escapeLikePreact(option.label)}</option>`;
    html += '</optgroup>';
  }
  return html;
}
