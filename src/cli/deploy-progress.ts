// Deploy progress for people: a spinner with the elapsed time on a terminal, plain status lines otherwise.
import { createSpinner, type Spinner } from 'nanospinner';
import type { DeployEvent } from '../deploy/deploy.js';
import { paint, type Output } from './io.js';

export interface DeployProgress {
  onEvent(event: DeployEvent): void;
  /** Prints a line above the spinner (or plainly). */
  line(text: string): void;
  /** A flow's deploy has ended (whatever the outcome): it leaves the spinner. */
  done(flowId: string): void;
  stop(): void;
}

interface Publishing {
  name: string;
  version: number;
  since: number;
  status: string;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function createDeployProgress(out: Output, nameOf: (flowId: string) => string, clock: () => number = () => performance.now()): DeployProgress {
  const c = paint(out);
  const publishing = new Map<string, Publishing>();
  let spinner: Spinner | undefined;
  let ticker: NodeJS.Timeout | undefined;

  const spinnerText = () =>
    `publishing ${[...publishing.values()].map((p) => `${p.name} v${p.version} ${c.dim(`(${p.status}, ${seconds(clock() - p.since)})`)}`).join(', ')}`;

  const line = (text: string) => {
    if (spinner) {
      spinner.clear();
      out.write(`${text}\n`);
      spinner.render();
    } else {
      out.write(`${text}\n`);
    }
  };

  // nanospinner measures lines by the terminal's width: with none known (a pseudo-terminal of width 0) it would
  // clear lines forever, so such a terminal gets plain lines instead.
  const spinnerUsable = out.isTTY && (process.stdout.columns ?? 0) > 0;

  const startSpinner = () => {
    if (!spinnerUsable || spinner) return;
    spinner = createSpinner(spinnerText(), { stream: process.stdout }).start();
    ticker = setInterval(() => spinner?.update({ text: spinnerText() }), 100);
  };

  const stopSpinner = () => {
    if (!spinner) return;
    clearInterval(ticker);
    spinner.clear();
    spinner.stop();
    spinner = undefined;
  };

  return {
    line,
    stop: stopSpinner,
    done(flowId) {
      publishing.delete(flowId);
      if (publishing.size === 0) stopSpinner();
    },
    onEvent(event) {
      const name = event.type === 'plan' ? event.plan.name : nameOf(event.flowId);
      switch (event.type) {
        case 'backup':
          line(`${name}: backed up version ${event.version} to ${event.path}`);
          break;
        case 'push':
          line(`${name}: writing version ${event.version} (expected current version ${event.version - 1})`);
          publishing.set(event.flowId, { name, version: event.version, since: clock(), status: 'writing' });
          if (spinnerUsable) startSpinner();
          else line(`${name}: waiting for publication…`);
          break;
        case 'watch': {
          const p = publishing.get(event.flowId);
          if (p) {
            p.status = event.progress.status;
            p.version = event.version;
          } else {
            publishing.set(event.flowId, { name, version: event.version, since: clock() - event.progress.elapsedMs, status: event.progress.status });
            startSpinner();
          }
          break;
        }
        case 'published':
          publishing.delete(event.flowId);
          if (publishing.size === 0) stopSpinner();
          line(`${name}: ${c.green('published')} version ${event.version} in ${seconds(event.elapsedMs)}`);
          break;
        case 'verified':
          line(`${name}: verified: what is deployed is exactly what was pushed`);
          break;
        case 'smoke':
          line(`${name}: smoke test ${event.result.failed === 0 ? c.green('passed') : c.red('failed')} (${event.result.passed} passed, ${event.result.failed} failed) against the deployed flow`);
          break;
        case 'conflict':
          publishing.delete(event.flowId);
          if (publishing.size === 0) stopSpinner();
          line(`${name}: ${c.red('conflict')}: someone else deployed version ${event.conflict.theirVersion ?? '?'} since version ${event.conflict.baseVersion}${event.forcing ? '; --force: re-planning on top of theirs' : ''}`);
          break;
        case 'rollback':
        case 'remove':
          publishing.delete(event.flowId);
          if (publishing.size === 0) stopSpinner();
          line(`${name}: ${c.red(event.reason)}; ${event.type === 'rollback' ? `rolling back as version ${event.toVersion}` : 'the flow is new: removing it again'}`);
          break;
        case 'plan':
        case 'validated':
          break;
      }
    },
  };
}
