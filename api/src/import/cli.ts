/**
 * What the `pnpm hub import|publish|batches|discard` commands share: argument parsing, progress
 * bars (cli-progress, on stderr, only when stderr is a terminal) and the printed summaries.
 */
import cliProgress from 'cli-progress';
import { RecordType } from '@hub/db/vocabulary';
import { formatIssue, type ImportRejected } from './issues.ts';
import type { ImportProgress, ImportSummary } from './import.ts';
import type { PublishResult } from './publish.ts';
import type { BatchListing } from './batches.ts';
import { withdrawal } from './records/withdrawal.ts';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/**
 * `FILE --kind spot-checks --title=T --dry-run` → positional and options. `flags` take no value;
 * anything not in `valued` or `flags` is an error (returned, for the caller's UsageError).
 */
export function parseArgs(args: string[], valued: string[], flags: string[]): ParsedArgs | { error: string } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      options.set(name, true);
    } else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) return { error: `--${name} needs a value` };
      options.set(name, value);
    } else {
      return { error: `unknown option --${name}` };
    }
  }
  return { positional, options };
}

const n = (x: number) => x.toLocaleString('en-US');

/** A progress bar on stderr when it is a terminal; otherwise nothing. */
export function readProgress(label: string): { update(p: ImportProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {percentage}% | {rows} 行 rows | {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(Math.max(p.totalBytes, 1), 0, { rows: '0' });
        started = true;
      }
      bar.update(Math.min(p.bytes, p.totalBytes), { rows: n(p.rows) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function stepProgress(label: string): { step(name: string, done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { step() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} {bar} {value}/{total} {step}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    step(name, done, total) {
      if (!started) {
        bar.start(total, 0, { step: name });
        started = true;
      }
      bar.update(done, { step: name });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** English glosses beside the vocabulary's Chinese name of each record type (db/src/vocabulary.ts RecordType). */
const ENGLISH: Partial<Record<RecordType, string>> = {
  certified_item: 'certified items',
  cultivation_entry: 'cultivation entries',
  standard_evaluation: 'evaluations',
  spot_check: 'spot checks',
  case_event: 'follow-up events',
  revocation: 'revocations',
  consumer_warning: 'warnings',
  self_report: 'self-reports',
  rectification_notice: 'rectification notices',
};
const typeLabel = (code: string) =>
  code === withdrawal.code
    ? `${withdrawal.label} withdrawals`
    : `${RecordType.find(code) ?? code}${ENGLISH[code as RecordType] ? ` ${ENGLISH[code as RecordType]}` : ''}`;

export function formatImportSummary(s: ImportSummary): string {
  if (s.outcome === 'already-imported') {
    return (
      `此文件已导入过，未重复导入：批次 ${s.batchId}（${s.existingStatus}）"${s.title}"\n` +
      `(already imported as batch ${s.batchId}, ${s.existingStatus}: nothing to do)`
    );
  }
  const lines: string[] = [];
  lines.push(
    s.outcome === 'dry-run'
      ? `试运行，未写入任何数据 (dry run, nothing written): ${s.file}`
      : `已导入为草稿批次 ${s.batchId} (imported as draft batch ${s.batchId}): "${s.title}"`,
  );
  lines.push(`  行 rows ${n(s.rows)} · 新增 new ${n(s.new)} · 更正 corrected ${n(s.corrected)} · 未变 unchanged ${n(s.unchanged)}`);
  const types = Object.entries(s.byType);
  if (types.length > 1) {
    for (const [code, c] of types) {
      lines.push(`    ${typeLabel(code)}: ${n(c!.rows)} (new ${n(c!.new)}, corrected ${n(c!.corrected)}, unchanged ${n(c!.unchanged)})`);
    }
  }
  if (s.unmapped.length) {
    lines.push('  未映射的列，已随每行保存 (unmapped columns, kept with each row):');
    for (const u of s.unmapped) lines.push(`    ${u.sheet ? `[${u.sheet}] ` : ''}${u.column} — ${n(u.rows)} 行有值 (rows with a value)`);
  } else {
    lines.push('  未映射的列 (unmapped columns): 无 (none)');
  }
  if (s.sheets.length) lines.push(`  工作表 (sheets read): ${s.sheets.join('、')}`);
  if (s.skippedSheets.length) lines.push(`  跳过的工作表，无表头 (sheets skipped, no header row): ${s.skippedSheets.join('、')}`);
  if (s.encoding && s.encoding !== 'utf-8') lines.push(`  编码 (encoding): ${s.encoding}`);
  if (s.warningCount) {
    lines.push(`  警告 (warnings): ${n(s.warningCount)} — 已导入，请核对 (imported; worth a look)`);
    for (const w of s.warnings.slice(0, MAX_ISSUES_PRINTED)) lines.push(`    ${formatIssue(w)}`);
    if (s.warningCount > MAX_ISSUES_PRINTED) lines.push(`    … 另有 ${n(s.warningCount - MAX_ISSUES_PRINTED)} 条 (and more)`);
    if (s.errorsFile) lines.push(`  警告清单 (all warnings): ${s.errorsFile}`);
  } else {
    lines.push('  警告 (warnings): 无 (none)');
  }
  if (s.outcome === 'imported') lines.push(`发布 (to publish): pnpm hub publish ${s.batchId}`);
  return lines.join('\n');
}

/** At most this many problems on the console; all of them are in the errors CSV. */
export const MAX_ISSUES_PRINTED = 200;

export function formatRejection(error: ImportRejected): string {
  const lines = [error.message];
  for (const issue of error.issues.slice(0, MAX_ISSUES_PRINTED)) lines.push(`  ${formatIssue(issue)}`);
  if (error.errorCount > MAX_ISSUES_PRINTED) {
    lines.push(`  … 另有 ${n(error.errorCount - MAX_ISSUES_PRINTED)} 处 (and ${n(error.errorCount - MAX_ISSUES_PRINTED)} more)`);
  }
  if (error.warnings.length) lines.push(`  另有警告 (warnings as well): ${n(error.warnings.length)}`);
  if (error.errorsFile) lines.push(`错误清单 (all errors): ${error.errorsFile}`);
  return lines.join('\n');
}

export function formatPublishResult(r: PublishResult, title: string): string {
  const lines = [
    `已发布批次 ${r.batchId} (published batch ${r.batchId}): "${title}"`,
    `  新增 inserted ${n(r.inserted)} · 更正 corrected ${n(r.corrected)} · 未变 unchanged ${n(r.unchanged)}` +
      (r.spotCheckIds.length ? ` · 涉及抽查结果 spot checks touched ${n(r.spotCheckIds.length)}` : ''),
  ];
  const types = Object.entries(r.byType);
  if (types.length > 1) {
    for (const [code, c] of types)
      lines.push(
        code === withdrawal.code
          ? `    ${typeLabel(code)}: withdrawn ${n(c!.inserted)}, each with a public correction notice`
          : `    ${typeLabel(code)}: inserted ${n(c!.inserted)}, corrected ${n(c!.corrected)}, unchanged ${n(c!.unchanged)}`,
      );
  }
  return lines.join('\n');
}

const STATUS_LABELS: Record<string, string> = { draft: '草稿 draft', published: '已发布 published', discarded: '已作废 discarded' };

function time(d: Date | string | null): string {
  if (!d) return '—';
  // the bureau reads times in China
  return new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatBatchList(batches: BatchListing[]): string {
  if (!batches.length) return '没有批次 (no batches yet)';
  const header = ['ID', 'kind', 'status', 'rows', 'errors', 'warnings', 'imported (UTC+8)', 'published (UTC+8)', 'sample', 'title'];
  const rows = batches.map((b) => [
    String(b.id),
    b.kind,
    STATUS_LABELS[b.status] ?? b.status,
    n(b.rows),
    n(b.summary?.errors ?? 0),
    b.summary?.warnings === undefined ? '—' : n(b.summary.warnings),
    time(b.importedAt),
    time(b.publishedAt),
    b.isSample ? '示例 sample' : '',
    b.title,
  ]);
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
