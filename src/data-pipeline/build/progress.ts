/** Reports the progress of a long command: a redrawn bar on a terminal, plain lines in logs. */
export interface Progress {
  step: (message: string) => void;
  advance: (done: number, total: number, label: string) => void;
  finish: () => void;
}

/** Creates a progress reporter writing to the given stream function. */
export function createProgress(write: (text: string) => void, stderrIsTerminal: boolean): Progress {
  let lastPercentLogged = -1;
  let barShown = false;
  const clearBar = () => {
    if (barShown) write('\r\x1b[2K');
    barShown = false;
  };
  return {
    step(message) {
      clearBar();
      write(`${message}\n`);
      lastPercentLogged = -1;
    },
    advance(done, total, label) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (stderrIsTerminal) {
        const width = 30;
        const filled = Math.round((percent / 100) * width);
        write(`\r\x1b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        barShown = true;
      } else if (percent >= lastPercentLogged + 25 || done === total) {
        write(`${label}: ${done}/${total}\n`);
        lastPercentLogged = percent - (percent % 25);
      }
    },
    finish() {
      clearBar();
    },
  };
}
