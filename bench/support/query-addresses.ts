/**
 * The addresses both page benches request for the pages rendered from query input, numbered so that
 * addresses with different numbers are different pages to the render cache, for as many numbers as a
 * bench uses (see query-addresses.test.ts). Before ADR 0180 search and compare had ~920 different pages
 * each (the search page reads only `q`, and compare's three roles repeated every 920 numbers), so past
 * the first 920 requests of a kind a bench measured cache hits.
 */

/** Words people put around a title: level words (which search strips), kinds of role, places. */
const TITLE_WORDS = ['senior', 'junior', 'lead', 'assistant', 'trainee', 'head', 'chief', 'apprentice', 'specialist', 'manager', 'supervisor', 'technician', 'consultant', 'coordinator', 'officer', 'associate', 'principal', 'deputy', 'entry level', 'remote', 'part time', 'freelance', 'contract', 'hospital', 'retail', 'construction', 'government', 'school', 'factory', 'office', 'night shift'];

export interface QueryAddresses {
  search: (n: number) => string;
  compare: (n: number) => string;
  report: (n: number) => string;
  /** How many numbers, from 0, give pages all different from each other. */
  distinct: { search: number; compare: number; report: number };
}

/** The addresses over the catalog's role slugs and its assessments' `slug/seniority` keys. */
export function queryAddresses(slugs: readonly string[], keys: readonly string[]): QueryAddresses {
  const roles = slugs.length;
  const words = (slug: string | undefined) => (slug ?? '').replace(/-/g, ' ');
  return {
    // A role's words alone, then with one of the title words before them, then after them: "senior roofers", "roofers hospital".
    search: (n) => {
      const form = Math.floor(n / roles) % (1 + 2 * TITLE_WORDS.length);
      const title = words(slugs[n % roles]);
      const word = TITLE_WORDS[(form - 1) % TITLE_WORDS.length] ?? '';
      const query = form === 0 ? title : form <= TITLE_WORDS.length ? `${word} ${title}` : `${title} ${word}`;
      return `/search?q=${encodeURIComponent(query)}`;
    },
    // Three different roles: the first steps through every role, the gaps to the other two grow once per round.
    compare: (n) => {
      const first = n % roles;
      const round = Math.floor(n / roles) % Math.floor(roles / 2 - 1);
      return `/compare?roles=${[first, first + 1 + round, first + 2 + 2 * round].map((index) => slugs[index % roles]).join(',')}`;
    },
    report: (n) => `/report?role=${encodeURIComponent(keys[n % keys.length] ?? '')}&s1=${Math.floor(n / keys.length) % 100}`,
    distinct: { search: roles * (1 + 2 * TITLE_WORDS.length), compare: roles * Math.floor(roles / 2 - 1), report: keys.length * 100 },
  };
}
