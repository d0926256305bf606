import type { Zone } from '../../methodology/index.ts';
import type { BrowseIndexInput, CategoryCount, CategoryInput } from '../../features/site-pages/browse-input.ts';
import { summarize, type RoleSummary } from './role-summary.ts';
import { buildZoneBar, ZONES, type ZoneBar } from './zone-bar.ts';

/** One category on the browse page. */
export interface CategoryRow {
  name: string;
  slug: string;
  href: string;
  count: number;
  expertCount: number;
  zoneBar: ZoneBar;
}

/** The browse page: every category with counts and zone split, plus links to each zone. */
export interface BrowseIndexView {
  total: number;
  categories: CategoryRow[];
  zones: { zone: Zone; count: number; href: string }[];
}

/** One category's page, optionally narrowed to a zone. */
export interface CategoryView {
  category: CategoryRow;
  zone: Zone | null;
  zoneLinks: { zone: Zone | null; label: string; count: number; href: string; current: boolean }[];
  roles: RoleSummary[];
}

/** Reads a zone from a query parameter, accepting any letter case ("green" → "Green"); anything else is no zone. */
export function parseZone(raw: string | null | undefined): Zone | null {
  const value = (raw ?? '').trim().toLowerCase();
  return ZONES.find((zone) => zone.toLowerCase() === value) ?? null;
}

function categoryRow({ category, expertCount }: CategoryCount): CategoryRow {
  return { name: category.name, slug: category.slug, href: `/browse/${category.slug}`, count: category.count, expertCount, zoneBar: buildZoneBar(category.byZone) };
}

/** Builds the browse page: categories alphabetically with their counts and zone split. */
export function buildBrowseIndex(input: BrowseIndexInput): BrowseIndexView {
  return {
    total: input.total,
    categories: input.categories.map(categoryRow),
    zones: ZONES.map((zone) => ({ zone, count: input.zoneCounts[zone], href: `/rankings?zone=${zone}` })),
  };
}

/** Builds a category page with its roles by score from the gathered category, or null when none was found. */
export function buildCategoryView(input: CategoryInput | null): CategoryView | null {
  if (!input) return null;
  const { category, zone } = input;
  const base = `/browse/${category.slug}`;
  return {
    category: categoryRow(input),
    zone,
    zoneLinks: [
      { zone: null, label: 'All zones', count: category.count, href: base, current: zone === null },
      ...ZONES.map((each) => ({ zone: each, label: each, count: category.byZone[each], href: `${base}?zone=${each}`, current: zone === each })),
    ],
    roles: input.roles.map(summarize),
  };
}
