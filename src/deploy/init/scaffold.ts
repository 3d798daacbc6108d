// `gcflow init`: writes the project files, refusing (writing nothing) when any would overwrite an existing file.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { GcflowError } from '../../flow/diagnostic.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { scaffoldFiles, type ScaffoldFile } from './templates.js';

export const INIT_EXISTS_CODE = 'GCF680';

export interface ScaffoldResult {
  dir: string;
  written: string[];
  /** Optional files left alone because they exist (e.g. .gitignore). */
  kept: string[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes every scaffold file atomically; if any non-optional file exists, writes nothing and says which. */
export async function scaffoldProject(dir: string, flowId: string, files: ScaffoldFile[] = scaffoldFiles(flowId)): Promise<ScaffoldResult> {
  const present = await Promise.all(files.map((f) => exists(join(dir, f.path))));
  const clashes = files.filter((f, i) => present[i] && !f.optional).map((f) => f.path);
  if (clashes.length > 0) {
    throw new GcflowError(INIT_EXISTS_CODE, `init would overwrite ${clashes.join(', ')}; nothing was written (move them away, or init another folder)`, { file: dir }, 1);
  }
  const written: string[] = [];
  const kept: string[] = [];
  for (const [i, file] of files.entries()) {
    if (present[i]) {
      kept.push(file.path);
      continue;
    }
    // exclusive: a file that appeared since the check is not replaced.
    await writeFileAtomic(join(dir, file.path), file.content, { exclusive: true });
    written.push(file.path);
  }
  return { dir, written, kept };
}
