/**
 * The folders of a set of file paths, so that the files below one folder are found in time
 * proportional to their number (a deleted folder's event), not to the whole set. Paths are
 * absolute, '/' or '\' separated; no fs here.
 */

/** The folder of a path ('/a/b' -> '/a', '/a' -> '/', 'C:\\a' -> 'C:'); the path itself at the top. */
export function parentOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return p;
  if (i === 0) return p.length > 1 ? p.slice(0, 1) : p;
  return p.slice(0, i);
}

function trimSeparator(p: string): string {
  let e = p.length;
  while (e > 1 && (p[e - 1] === '/' || p[e - 1] === '\\')) e--;
  return p.slice(0, e);
}

export class FolderTree {
  /** folder -> the files directly in it */
  private filesIn = new Map<string, Set<string>>();
  /** folder -> its sub-folders that hold files (at any depth) */
  private subfolders = new Map<string, Set<string>>();

  add(file: string) {
    const dir = parentOf(file);
    let set = this.filesIn.get(dir);
    if (!set) this.filesIn.set(dir, (set = new Set()));
    set.add(file);
    for (let child = dir, up = parentOf(dir); up !== child; child = up, up = parentOf(up)) {
      let subs = this.subfolders.get(up);
      if (!subs) this.subfolders.set(up, (subs = new Set()));
      if (subs.has(child)) break;
      subs.add(child);
    }
  }

  remove(file: string) {
    const dir = parentOf(file);
    const set = this.filesIn.get(dir);
    if (!set?.delete(file)) return;
    // prune folders left without files
    for (let child = dir, up = parentOf(dir); ; child = up, up = parentOf(up)) {
      if (this.filesIn.get(child)?.size || this.subfolders.get(child)?.size) break;
      this.filesIn.delete(child);
      this.subfolders.delete(child);
      if (up === child) break;
      this.subfolders.get(up)?.delete(child);
    }
  }

  /** Every file at or below `folder` (excluding `folder` itself as a file). */
  filesUnder(folder: string): string[] {
    const out: string[] = [];
    const stack = [trimSeparator(folder)];
    while (stack.length) {
      const d = stack.pop()!;
      for (const f of this.filesIn.get(d) ?? []) out.push(f);
      for (const s of this.subfolders.get(d) ?? []) stack.push(s);
    }
    return out;
  }
}
