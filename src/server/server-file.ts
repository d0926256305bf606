import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../shared/files.ts';

/** How a CLI process finds the running server that holds the embedded store: its process, internal API port and token. */
export const ServerFileSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  token: z.string().min(32),
  startedAt: z.string(),
});
export type ServerFile = z.infer<typeof ServerFileSchema>;

/** Where the running server announces itself inside a data directory. */
export function serverFilePath(dataDir: string): string {
  return join(dataDir, 'server.json');
}

/** Makes a new secret for the internal API. */
export function newServerToken(): string {
  return randomBytes(32).toString('hex');
}

/** Writes the server file readable by its owner only. */
export async function writeServerFile(dataDir: string, content: ServerFile): Promise<void> {
  await writeFileAtomically(serverFilePath(dataDir), `${JSON.stringify(content, null, 2)}\n`, 0o600);
}

/** Removes the server file if it is still this process's (a newer server may have replaced it); synchronous so it can run while exiting. */
export function removeServerFileSync(dataDir: string, pid = process.pid): void {
  try {
    const content = ServerFileSchema.safeParse(JSON.parse(readFileSync(serverFilePath(dataDir), 'utf8')));
    if (content.success && content.data.pid !== pid) return;
    rmSync(serverFilePath(dataDir), { force: true });
  } catch {
    // Nothing to remove.
  }
}

/** Tells whether a process with this id is running (a permission error means it runs as someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the server file when its process is alive; a file left by a dead process is removed and ignored. */
export async function readLiveServerFile(dataDir: string): Promise<ServerFile | null> {
  let text: string;
  try {
    text = await readFile(serverFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  let parsed: ServerFile;
  try {
    parsed = ServerFileSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
  if (isProcessAlive(parsed.pid)) return parsed;
  await rm(serverFilePath(dataDir), { force: true }).catch(() => undefined);
  return null;
}
