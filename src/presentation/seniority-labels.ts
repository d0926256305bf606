/**
 * Seniority as readers see it. The levels, their labels and their order are defined once in the
 * methodology (src/methodology/seniority.ts, which also runs in the browser); pages, mail, PDF and
 * CLI take their wording from here rather than from that module directly, so the reader-facing
 * names can grow (the glossary of issue 10) without touching the methodology.
 */
export { assessmentName, KNOWN_SENIORITY_LEVELS, seniorityLabel } from '../methodology/seniority.ts';
