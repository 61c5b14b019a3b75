/**
 * Subtitles and transcripts (.vtt, .srt): one block per cue, "Speaker: words" when the cue names its
 * speaker (WebVTT `<v Speaker>`, or a leading "Speaker:" already in the text), so the attribution signal
 * sees who said what; each cue is a place ("00:01:05, Ada Quist").
 */
import { TextBuilder, type ExtractOutcome } from './types';

const TIME = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

function clock(t: string): string {
  const parts = t.replace(',', '.').split('.')[0].split(':');
  if (parts.length === 2) parts.unshift('00');
  return parts.map((p) => p.padStart(2, '0')).join(':');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

export function extractSubtitles(bytes: Uint8Array): ExtractOutcome {
  let src = new TextDecoder('utf-8').decode(bytes);
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  const lines = src.split(/\r\n|\r|\n/);
  const out = new TextBuilder();
  let cues = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = TIME.exec(lines[i]);
    if (!m) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j].trim() !== '' && !TIME.exec(lines[j])) body.push(lines[j++]);
    i = j - 1;
    let speaker: string | undefined;
    const raw = body.join(' ');
    const v = /<v(?:\.[\w.-]+)*\s+([^>]+)>/.exec(raw);
    if (v) speaker = v[1].trim();
    let text = raw
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|apos|nbsp|lrm|rlm);/g, (_, e: string) => ENTITIES[e])
      .replace(/\s+/g, ' ')
      .trim();
    if (text === '') continue;
    if (!speaker) {
      const named = /^([\p{Lu}][\p{L}.'’-]*(?: [\p{L}][\p{L}.'’-]*){0,3}):\s/u.exec(text);
      if (named) speaker = named[1];
    } else if (!text.startsWith(speaker + ':')) text = `${speaker}: ${text}`;
    cues++;
    out.block(text, { place: speaker ? `${clock(m[1])}, ${speaker}` : clock(m[1]) });
  }
  if (cues === 0) return { problem: 'no cues found (not a WebVTT or SubRip file?): not indexed' };
  return { text: out.text, places: out.places, metadata: { cues: String(cues) }, warnings: [] };
}
