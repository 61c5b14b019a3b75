/** Pure: a Markdown report of every statement of a draft, for an editor reviewing a story. */
import type { ClaimResult } from './engine';
import { countSeverities, countVerdicts, HELD_BACK, type Finding } from './engine/findings';
import { confidenceWord, resultConfidence } from './engine/confidence';
import { sourceLink, type HoverOptions } from './hover';
import { escapeMarkdownText as esc } from './markdownEscape';

/**
 * `results`: the statements as shown (engine/findings.ts shownResults); `findings`: the draft's
 * findings (the editor's diagnostics), listed under their statement and counted by severity.
 */
export function reportMarkdown(
  title: string,
  results: ClaimResult[],
  opts: HoverOptions & { lineOf: (offset: number) => number; findings?: Finding[] },
): string {
  const c = countVerdicts(results);
  const out: string[] = [];
  out.push(`# Corroborate report: ${esc(title)}`, '');
  out.push(`${results.length} statements: ${c.supported} supported, ${c.unsupported} unsupported, ${c.contradicted} contradicted, ${c.skipped} skipped.`, '');
  if (opts.findings) {
    const s = countSeverities(opts.findings);
    out.push(`${opts.findings.length} findings: ${s.error} errors, ${s.warning} warnings, ${s.information} information, ${s.hint} hints.`, '');
  }
  const held = results.filter((r) => r.verdict === 'skipped' && r.reason.startsWith(HELD_BACK)).length;
  if (held)
    out.push(
      `${held} ${held === 1 ? 'statement' : 'statements'} held back: the confidence of the verdict is below corroborate.minConfidence (listed below as skipped, with the verdict it had).`,
      '',
    );
  results.forEach((r, i) => {
    const c = r.verdict !== 'skipped' ? resultConfidence(r) : undefined;
    const rated = c !== undefined ? `, ${confidenceWord(c)} confidence (${c.toFixed(2)})` : '';
    out.push(`## ${i + 1}. ${r.verdict}${rated} (line ${opts.lineOf(r.start) + 1})`, '');
    out.push(`> ${esc(r.text.replace(/\s+/g, ' ').trim())}`, '');
    out.push(`**Reason:** ${esc(r.reason.replace(/\s+/g, ' '))}`, '');
    const mine = opts.findings?.filter((f) => f.claim.start === r.start) ?? [];
    if (mine.length) {
      out.push('**Findings:**', '');
      for (const f of mine) out.push(`- ${f.severity} \`${f.code}\` (line ${opts.lineOf(f.start) + 1}): ${esc(f.message.replace(/\s+/g, ' '))}`);
      out.push('');
    }
    if (r.evidence.length) {
      out.push('**Evidence:**', '');
      for (const e of r.evidence)
        out.push(
          `- ${e.relation} (${Math.round(e.score * 100)}%), ${sourceLink(e.source, e.range.start.line, opts, e.place, e.original?.start.line)}: "${esc(e.quote.replace(/\s+/g, ' ').trim())}"`,
        );
      out.push('');
    }
    const sigs = r.signals.filter((s) => s.kind !== 'coverage' || s.effect !== 'supports');
    if (sigs.length) {
      out.push('**Signals:**', '');
      for (const s of sigs) out.push(`- ${s.kind} (${s.effect}): ${esc(s.message.replace(/\s+/g, ' '))}`);
      out.push('');
    }
  });
  return out.join('\n');
}
