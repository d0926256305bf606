import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pinned } from './processes.ts';

/** One file nginx serves at `/`: its bytes, type, and the precompressed copies it sends to clients that accept them. */
export interface StaticAnswer {
  fileName: string;
  body: Buffer | string;
  contentType: string;
  /** Written beside the file as <name>.gz, sent with Content-Encoding: gzip. */
  gzipped?: Buffer;
  /** Written beside the file as <name>.br, sent with Content-Encoding: br. */
  brotli?: Buffer;
}

/**
 * The configuration: one worker, no access log, sendfile, and the precompressed copy chosen from
 * Accept-Encoding by a `map` (Debian's nginx-light has no Brotli module, so br is served the way
 * gzip_static would serve gzip: the stored bytes with the header naming their coding).
 */
export function nginxConfiguration(options: { work: string; port: number; answer: StaticAnswer }): string {
  const { work, port, answer } = options;
  const temp = join(work, 'tmp');
  const suffixes = [...(answer.brotli ? ['    "~*\\bbr\\b" ".br";'] : []), ...(answer.gzipped ? ['    "~*\\bgzip\\b" ".gz";'] : [])];
  return `worker_processes 1;
daemon off;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${temp};
  proxy_temp_path ${temp};
  fastcgi_temp_path ${temp};
  uwsgi_temp_path ${temp};
  scgi_temp_path ${temp};
  map $http_accept_encoding $precompressed {
${suffixes.join('\n')}
    default "";
  }
  map $precompressed $coding { ".br" br; ".gz" gzip; default ""; }
  server {
    listen 127.0.0.1:${port};
    root ${join(work, 'static')};
    location = / {
      types { }
      default_type "${answer.contentType}";
      add_header Vary Accept-Encoding;
      add_header Content-Encoding $coding;
      try_files /${answer.fileName}$precompressed =404;
    }
  }
}
`;
}

/**
 * Starts nginx in the foreground with a generated configuration in `work`, serving one file at `/`
 * — the reference a benchmark compares jobzone with.
 */
export async function startNginx(options: { work: string; port: number; answer: StaticAnswer; cores?: string | null }): Promise<ChildProcess> {
  const { work, answer } = options;
  await mkdir(work, { recursive: true });
  // nginx workers run as an unprivileged user and must be able to read the files.
  await chmod(work, 0o755);
  const staticRoot = join(work, 'static');
  await mkdir(staticRoot, { recursive: true });
  await chmod(staticRoot, 0o755);
  await writeFile(join(staticRoot, answer.fileName), answer.body, { mode: 0o644 });
  if (answer.gzipped) await writeFile(join(staticRoot, `${answer.fileName}.gz`), answer.gzipped, { mode: 0o644 });
  if (answer.brotli) await writeFile(join(staticRoot, `${answer.fileName}.br`), answer.brotli, { mode: 0o644 });
  await mkdir(join(work, 'tmp'), { recursive: true });
  await writeFile(join(work, 'nginx.conf'), nginxConfiguration(options));
  const [command, args] = pinned(options.cores ?? null, 'nginx', ['-c', join(work, 'nginx.conf'), '-p', work]);
  const nginx = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.once('error', (error) => process.stderr.write(`nginx could not start: ${error.message} (apt-get install nginx-light)\n`));
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}; see ${join(work, 'nginx-error.log')}`);
  return nginx;
}
