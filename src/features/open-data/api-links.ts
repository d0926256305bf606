import { assessmentName } from '../../methodology/seniority.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { dataMetadataOf } from './citation.ts';
import type { Meta } from './api.schemas.ts';

/** What every response builder needs besides the read model: the public base of absolute links. */
export interface ApiContext {
  /** Base of absolute links, from PUBLIC_URL (e.g. "https://jobzone.example"). */
  publicUrl: string;
}

/** Makes a path absolute under the public URL. */
export function absolute(context: ApiContext, path: string): string {
  return `${context.publicUrl.replace(/\/$/, '')}${path}`;
}

const part = encodeURIComponent;

/** The paths the API and the site give one assessment. */
export function assessmentPaths(slug: string, seniority: string) {
  const api = `/api/v1/roles/${part(slug)}/${part(seniority)}`;
  return {
    page: `/roles/${part(slug)}/${part(seniority)}`,
    api,
    revisions: `${api}/revisions`,
    revision: (number: number) => `${api}/revisions/${number}`,
    report: `/report?role=${part(slug)}/${part(seniority)}`,
  };
}

/** Names an assessment as a citation does: "Registered Nurses (All levels)". */
export function citedName(title: string, seniority: string): string {
  return assessmentName(title, seniority);
}

/** Builds the metadata block of one response: methodology, snapshot time, permanent link and citation. */
export function metaOf(model: ReadModel, context: ApiContext, subject: { title: string; path: string; revision?: number; methodologyVersion?: string }): Meta {
  return dataMetadataOf({
    title: subject.title,
    url: absolute(context, subject.path),
    asOf: model.builtAt,
    ...(subject.revision === undefined ? {} : { revision: subject.revision }),
    ...(subject.methodologyVersion === undefined ? {} : { methodologyVersion: subject.methodologyVersion }),
  });
}
