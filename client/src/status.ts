/**
 * Pure: the status bar's words for the active draft (no vscode import, so a unit test can hold them
 * against the CLI and the diagnostics). The text counts statements by verdict and says so; the
 * tooltip counts findings by severity, as the Problems panel counts the diagnostics.
 */
import type { SeverityCounts, VerdictCounts } from '../../server/src/engine/findings';

export interface DraftCounts {
  counts: VerdictCounts;
  /** findings published for the draft, by severity (what the Problems panel counts) */
  findings?: SeverityCounts;
  partial?: { checkedChars: number; totalChars: number; maxDraftKB: number };
}

export function draftStatus(m: DraftCounts): { text: string; tips: string[] } {
  const c = m.counts;
  const f = m.findings;
  const icon = f
    ? f.error
      ? '$(error)'
      : f.warning
        ? '$(warning)'
        : f.information || f.hint
          ? '$(info)'
          : '$(check)'
    : c.contradicted
      ? '$(error)'
      : c.unsupported
        ? '$(warning)'
        : '$(check)';
  const text = `${icon} ${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported statements${m.partial ? ' (partially checked)' : ''}`;
  const tips: string[] = [];
  if (f) {
    const n = f.error + f.warning + f.information + f.hint;
    const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    tips.push(
      `${plural(n, 'finding')} in the Problems panel: ${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${f.information} information, ${plural(f.hint, 'hint')} (a statement can have several findings).`,
    );
  }
  if (m.partial)
    tips.push(
      `Partially checked: only the first ${Math.round(m.partial.checkedChars / 1024)} of ${Math.round(m.partial.totalChars / 1024)} K characters (corroborate.maxDraftKB = ${m.partial.maxDraftKB}).`,
    );
  return { text, tips };
}
