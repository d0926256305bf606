import type { ContentCoding } from '../../features/render-cache/content-coding.ts';
import type { ReadModelInput } from '../../features/read-model/read-model.ts';
import type { PublishedRoles } from '../../features/read-model/read-model-update.ts';
import type { RouteShell } from '../../presentation/query-pages/route-shell.ts';

/** Bounds of what crosses between the main thread and a render thread (ADR 0178). */
export const MESSAGE_BOUNDS = {
  /** A request address longer than this is rendered on the main thread, never sent. */
  maxUrlBytes: 8 * 1024,
  /** A page longer than this is not sent back; the main thread renders it (no query page comes near). */
  maxPageBytes: 4 * 1024 * 1024,
  /** Read models a thread keeps: the one served and the one being swapped in. */
  modelsKept: 2,
} as const;

/** How the main thread's model was made: always its input, and the update when it patched a previous version (ADR 0177). */
export interface ModelOrigin {
  input: ReadModelInput;
  update?: { from: number; roles: readonly string[]; published: PublishedRoles };
}

export type ToThread =
  /** Build this version from the input (start, a replaced thread, a full rebuild). */
  | { type: 'model'; version: number; builtAt: Date; input: ReadModelInput }
  /** Make this version by patching `from`, which the thread holds, with a publication of some roles. */
  | { type: 'update'; version: number; builtAt: Date; from: number; roles: readonly string[]; published: PublishedRoles }
  /** The shell of a route, sent once per thread before its first page. */
  | { type: 'shell'; path: string; shell: RouteShell }
  /** `coding` is the one the reader accepts (chooseContentCoding): the thread sends the page back encoded in it. */
  | { type: 'render'; id: number; version: number; path: string; url: string; coding: ContentCoding };

export type FromThread =
  /** The thread holds the version; its V8 heap then, in MB, for the log. */
  | { type: 'ready'; version: number; heapUsedMb: number; heapTotalMb: number }
  /** The thread could not make the version; `needsInput` asks for the full input (it did not hold `from`). */
  | { type: 'failed'; version: number; needsInput: boolean; message: string }
  /** The page as the main thread would have encoded it (`encodeBodyFor`): `body` in `coding`, which may be identity. */
  | { type: 'page'; id: number; body: Uint8Array; coding: ContentCoding; etag: string; storable: boolean; hasIslands: boolean }
  /** Not rendered there: `astro` means Astro answers this address; the others send it back to the main thread. */
  | { type: 'declined'; id: number; reason: 'astro' | 'version' | 'no-shell' | 'too-large' | 'error'; message?: string };
