import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Workspace } from '../engine/types';

/**
 * The engine's view of the disk, on Node's `fs`. The calls are synchronous on
 * purpose: posts are small, and for thousands of them the promise-based API spent
 * more time opening handles and waking up than reading (measured in bench/).
 */
export class NodeWorkspace implements Workspace {
  async readFile(path: string): Promise<string | undefined> {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isDirectory() ? 'directory' : stats?.isFile() ? 'file' : undefined;
  }

  async readDirectory(path: string): Promise<{ name: string; kind: 'file' | 'directory' }[]> {
    try {
      const result: { name: string; kind: 'file' | 'directory' }[] = [];
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (entry.isDirectory()) result.push({ name: entry.name, kind: 'directory' });
        else if (entry.isFile()) result.push({ name: entry.name, kind: 'file' });
      }
      return result;
    } catch {
      return [];
    }
  }
}
