import { gatherPageAssessment } from '../read-model/assessment-at.ts';
import type { AssessmentEntry, ReadModel } from '../read-model/read-model.ts';

/** The longest url parameter /oembed reads. */
export const OEMBED_URL_MAX_LENGTH = 500;
const ROLE_PATH = /^\/roles\/([a-z0-9-]{1,120})(?:\/([a-z0-9-]{1,60}))?\/?$/;

/** A role page of this site named by an address: the role, and the level when the address names one. */
export interface RolePageAddress {
  slug: string;
  seniority: string | undefined;
}

/** What /oembed?url=… gathered: the role page the url names (null when it names none of ours) and the assessment published there. */
export interface OembedInput {
  page: RolePageAddress | null;
  entry: AssessmentEntry | null;
}

/** Reads an address as one of this site's role pages (/roles/<slug> or /roles/<slug>/<seniority> on its public URL), or null. */
export function readRolePageAddress(publicUrl: string, raw: string | null): RolePageAddress | null {
  if (!raw || raw.length > OEMBED_URL_MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const match = ROLE_PATH.exec(url.pathname);
  if (url.origin !== new URL(publicUrl).origin || !match) return null;
  return { slug: match[1] ?? '', seniority: match[2] };
}

/** Gathers the role page the url parameter names and its assessment (the named level, else the role's default). */
export function gatherOembedInput(model: ReadModel, publicUrl: string, params: URLSearchParams): OembedInput {
  const page = readRolePageAddress(publicUrl, params.get('url'));
  return { page, entry: page ? gatherPageAssessment(model, page.slug, page.seniority) : null };
}
