import { aijri1 } from '../../methodology/index.ts';

/** What a data user cites: one figure or file, as published at one moment. */
export interface CitationSubject {
  /** What is cited, e.g. "Registered Nurses, Mid-level" or "jobzone assessments (CSV)". */
  title: string;
  /** The permanent address of what is cited. */
  url: string;
  /** When the cited state was current: the read-model snapshot time or a revision's publication time. */
  asOf: Date;
  methodologyVersion?: string;
  /** The revision number when one assessment revision is cited. */
  revision?: number;
}

/** A suggested citation, as plain text and as a BibTeX entry. */
export interface Citation {
  text: string;
  bibtex: string;
}

/** The metadata every API response and data file carries, so a figure can be cited as of a date. */
export interface DataMetadata {
  methodologyVersion: string;
  snapshotAt: string;
  permalink: string;
  citation: Citation;
}

const PUBLISHER = 'jobzone';

function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

// BibTeX treats braces, backslashes and a few other characters specially; titles come from data.
function bibtexText(value: string): string {
  return value.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');
}

function bibtexKey(subject: CitationSubject): string {
  const words = subject.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `jobzone-${words || 'data'}-${isoDay(subject.asOf).replaceAll('-', '')}`;
}

/** Writes the suggested citation of a figure or file, naming the method version and the date it was current. */
export function citationOf(subject: CitationSubject): Citation {
  const methodology = subject.methodologyVersion ?? aijri1.version;
  const revision = subject.revision === undefined ? '' : `, revision ${subject.revision}`;
  const day = isoDay(subject.asOf);
  const text = `${PUBLISHER} (${subject.asOf.getUTCFullYear()}). ${subject.title}${revision}. AI Job Resistance Index, methodology ${methodology}. As of ${day}. ${subject.url}`;
  const note = `AI Job Resistance Index, methodology ${methodology}${revision}`;
  const bibtex = [
    `@misc{${bibtexKey(subject)},`,
    `  author = {{${PUBLISHER}}},`,
    `  title = {${bibtexText(subject.title)}},`,
    `  year = {${subject.asOf.getUTCFullYear()}},`,
    `  note = {${bibtexText(note)}; as of ${day}},`,
    `  howpublished = {\\url{${subject.url}}},`,
    `  urldate = {${day}}`,
    '}',
  ].join('\n');
  return { text, bibtex };
}

/** Builds the metadata block of one response or file. */
export function dataMetadataOf(subject: CitationSubject): DataMetadata {
  return {
    methodologyVersion: subject.methodologyVersion ?? aijri1.version,
    snapshotAt: subject.asOf.toISOString(),
    permalink: subject.url,
    citation: citationOf(subject),
  };
}
