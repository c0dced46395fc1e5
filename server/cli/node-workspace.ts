import { promises as fs } from 'node:fs';
import type { Workspace } from '../engine/types';

/** The engine's view of the disk, on Node's `fs`. */
export class NodeWorkspace implements Workspace {
  async readFile(path: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    try {
      const stats = await fs.stat(path);
      return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<{ name: string; kind: 'file' | 'directory' }[]> {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      const result: { name: string; kind: 'file' | 'directory' }[] = [];
      for (const entry of entries) {
        if (entry.isDirectory()) result.push({ name: entry.name, kind: 'directory' });
        else if (entry.isFile()) result.push({ name: entry.name, kind: 'file' });
      }
      return result;
    } catch {
      return [];
    }
  }
}
