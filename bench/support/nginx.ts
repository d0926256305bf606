import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pinned } from './processes.ts';

/** One file nginx serves at `/`: its bytes, type, and whether a gzip copy is served to clients that accept it. */
export interface StaticAnswer {
  fileName: string;
  body: Buffer | string;
  contentType: string;
  /** Written beside the file as <name>.gz and served with gzip_static. */
  gzipped?: Buffer;
}

/**
 * Starts nginx in the foreground (one worker, no access log) with a generated configuration in
 * `work`, serving one file at `/` — the reference a benchmark compares jobzone with.
 */
export async function startNginx(options: { work: string; port: number; answer: StaticAnswer; cores?: string | null }): Promise<ChildProcess> {
  const { work, port, answer } = options;
  // nginx workers run as an unprivileged user and must be able to read the files.
  await chmod(work, 0o755);
  const staticRoot = join(work, 'static');
  await mkdir(staticRoot, { recursive: true });
  await chmod(staticRoot, 0o755);
  await writeFile(join(staticRoot, answer.fileName), answer.body, { mode: 0o644 });
  if (answer.gzipped) await writeFile(join(staticRoot, `${answer.fileName}.gz`), answer.gzipped, { mode: 0o644 });
  await mkdir(join(work, 'tmp'), { recursive: true });
  const temp = join(work, 'tmp');
  await writeFile(
    join(work, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  client_body_temp_path ${temp};
  proxy_temp_path ${temp};
  fastcgi_temp_path ${temp};
  uwsgi_temp_path ${temp};
  scgi_temp_path ${temp};
  server {
    listen 127.0.0.1:${port};
    root ${staticRoot};
    ${answer.gzipped ? 'gzip_static on; gzip_vary on;' : ''}
    location / { default_type ${answer.contentType}; try_files /${answer.fileName} =404; }
  }
}
`,
  );
  const [command, args] = pinned(options.cores ?? null, 'nginx', ['-c', join(work, 'nginx.conf'), '-p', work]);
  const nginx = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.once('error', (error) => process.stderr.write(`nginx could not start: ${error.message} (apt-get install nginx-light)\n`));
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}; see ${join(work, 'nginx-error.log')}`);
  return nginx;
}
