/**
 * 检查我的表格 · Check my spreadsheet (/check/): the files staff choose or drop are checked in the
 * browser by the validator of `npm run validate` itself (src/read/loadDataset.ts, the same module, not
 * a copy), and its report is shown in the page's language. Nothing is uploaded: the files are read
 * with File.arrayBuffer and never leave the page. Every text from the files is put in as text, never
 * as HTML.
 */
import { listedFiles } from '../read/dataFolder.ts';
import { REGION_CONFIG_FILE } from '../model/regionConfig.ts';
import { loadDataset, outlineCodeOf, type FileSummary, type Report } from '../read/loadDataset.ts';
import { formatReport, reportFindings, type Finding, type FindingGroup } from '../read/formatReport.ts';
import type { Severity } from '../read/problem.ts';
import { latestDayOnEarth } from '../model/calendar.ts';
import { fill } from '../i18n/fill.ts';
import type { Locale } from '../i18n/locale.ts';

/** The page's words the report needs, in its language (CheckView.astro puts them in the page). */
export type CheckLabels = {
  locale: Locale;
  working: string;
  failedToRun: string;
  report: string;
  passed: string;
  failed: string;
  counts: string;
  filesCaption: string;
  colFile: string;
  colSheet: string;
  colFormat: string;
  colRead: string;
  colAccepted: string;
  colRejected: string;
  colBlank: string;
  problems: string;
  noProblems: string;
  severity: Record<Severity, string>;
  hint: string;
  cause: string;
  fix: string;
  alike: string;
  all: string;
  value: string;
  plain: string;
};

/** A file as the browser hands it over: its name and its bytes. */
export type DroppedFile = { name: string; bytes: Uint8Array };

/**
 * The check itself: the dropped files as `npm run validate` would see a folder holding them, region
 * outlines (`<code>-boundary.wgs84.geojson`) among them, on the day of the build as the command line
 * takes it (the latest date on earth now).
 */
export function checkDroppedFiles(dropped: readonly DroppedFile[], now: number): Report {
  const outlines = new Map<string, string>();
  for (const { name, bytes } of dropped) {
    const code = outlineCodeOf(name);
    if (code !== undefined) outlines.set(code, new TextDecoder().decode(bytes));
  }
  const { files, problems } = listedFiles(dropped);
  const settings = dropped.find(({ name }) => name === REGION_CONFIG_FILE);
  const config = settings === undefined ? {} : { config: new TextDecoder().decode(settings.bytes) };
  // noEval: the page's CSP forbids compiling code, which the command line does to build records faster.
  return loadDataset(files, { today: latestDayOnEarth(now), outlines, folderProblems: problems, noEval: true, ...config }).report;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className !== undefined) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  node.append(...children);
  return node;
}

/** A label before its text, with the colon of the page's language. */
const label = (word: string, labels: CheckLabels): string => (labels.locale === 'en' ? `${word}: ` : `${word}：`);

const severityTag = (severity: Severity, labels: CheckLabels): HTMLElement =>
  element('span', { className: `tag severity severity-${severity}`, text: labels.severity[severity] });

function filesTable(files: readonly FileSummary[], labels: CheckLabels): HTMLElement {
  const head = [labels.colFile, labels.colSheet, labels.colFormat, labels.colRead, labels.colAccepted, labels.colRejected, labels.colBlank];
  const headRow = element(
    'tr',
    {},
    ...head.map((text, index) => {
      const th = element('th', { text, className: index >= 3 ? 'num' : '' });
      th.scope = 'col';
      return th;
    }),
  );
  const rows = files.map((file) => {
    const name = element('th', { text: file.file });
    name.scope = 'row';
    const cells = [file.sheet ?? '', file.encoding ?? '—', String(file.read), String(file.accepted), String(file.rejected), String(file.blank)];
    return element('tr', {}, name, ...cells.map((text, index) => element('td', { text, className: index >= 2 ? 'num' : '' })));
  });
  const table = element(
    'table',
    { className: 'data' },
    element('caption', { text: labels.filesCaption }),
    element('thead', {}, headRow),
    element('tbody', {}, ...rows),
  );
  const scroll = element('div', { className: 'table-scroll' }, table);
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', labels.filesCaption);
  return scroll;
}

/** One problem: where it is (as the spreadsheet shows it), the column and value, what is wrong and how to fix it. */
function findingItem(finding: Finding, labels: CheckLabels): HTMLElement {
  const where = element(
    'p',
    { className: 'finding-head' },
    severityTag(finding.severity, labels),
    document.createTextNode(' '),
    element('code', { className: 'finding-where', text: finding.where }),
  );
  if (finding.column !== undefined) where.append(document.createTextNode(' '), element('span', { className: 'finding-column', text: finding.column }));
  if (finding.value !== undefined) {
    where.append(
      document.createTextNode(' '),
      element('span', { className: 'visually-hidden', text: `${labels.value}:` }),
      element('q', { className: 'finding-value', text: finding.value }),
    );
  }
  where.append(document.createTextNode(' '), element('span', { className: 'finding-rule', text: `[${finding.rule}]` }));
  const item = element(
    'li',
    { className: `finding severity-${finding.severity}` },
    where,
    element('p', { className: 'finding-message', text: finding.message }),
    element('p', { className: 'finding-hint' }, element('strong', { text: label(labels.hint, labels) }), document.createTextNode(finding.hint)),
  );
  item.dataset.rule = finding.rule;
  item.dataset.severity = finding.severity;
  return item;
}

/** Problems of one cause or kind: the cause and its fix once, then every problem in a disclosure. */
function groupItem(group: FindingGroup, labels: CheckLabels): HTMLElement {
  const column = group.column === undefined ? '' : ` ${group.columnLetter ?? ''} ${group.column}`;
  const head = element(
    'p',
    { className: 'finding-head' },
    severityTag(group.severity, labels),
    document.createTextNode(` ${group.files.join(', ')}${column} · ${fill(labels.alike, { count: String(group.count) })} `),
    element('span', { className: 'finding-rule', text: `[${group.rule}]` }),
  );
  const list = element('ol', { className: 'findings' }, ...group.findings.map((finding) => findingItem(finding, labels)));
  const all = element('details', {}, element('summary', { text: fill(labels.all, { count: String(group.count) }) }), list);
  const item = element(
    'li',
    { className: `finding-group severity-${group.severity}` },
    head,
    // A named cause is said as such; otherwise the first problem's own words stand for the group.
    group.cause
      ? element('p', { className: 'finding-message' }, element('strong', { text: label(labels.cause, labels) }), document.createTextNode(group.message))
      : element('p', { className: 'finding-message', text: group.message }),
    element(
      'p',
      { className: 'finding-hint' },
      element('strong', { text: label(group.cause ? labels.fix : labels.hint, labels) }),
      document.createTextNode(group.hint),
    ),
    all,
  );
  item.dataset.rule = group.rule;
  return item;
}

/** The whole report, in the page's language, as the section's new content. */
export function renderReport(report: Report, labels: CheckLabels): HTMLElement[] {
  const infos = report.problems.filter((problem) => problem.severity === 'info').length;
  const { groups, single } = reportFindings(report.problems, labels.locale);
  const heading = element('h2', { text: labels.report });
  heading.id = 'check-report';
  const verdict = element('p', { className: `check-verdict ${report.ok ? 'check-passed' : 'check-failed'}`, text: report.ok ? labels.passed : labels.failed });
  const counts = element('p', { text: fill(labels.counts, { errors: String(report.errors), warnings: String(report.warnings), infos: String(infos) }) });
  const problems =
    report.problems.length === 0
      ? element('p', { text: labels.noProblems })
      : element('ol', { className: 'findings' }, ...groups.map((group) => groupItem(group, labels)), ...single.map((finding) => findingItem(finding, labels)));
  const plain = element('details', { className: 'check-plain' }, element('summary', { text: labels.plain }), element('pre', { text: formatReport(report) }));
  return [heading, verdict, counts, filesTable(report.files, labels), element('h3', { text: labels.problems }), problems, plain];
}

async function readDropped(files: readonly File[]): Promise<DroppedFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** Wires the page: the file input, the drop zone, and the section the report goes in. */
export function mountChecker(root: HTMLElement, labels: CheckLabels): void {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  const zone = root.querySelector<HTMLElement>('.check-drop');
  const result = root.querySelector<HTMLElement>('.check-result');
  const status = root.querySelector<HTMLElement>('.check-status');
  if (input == null || zone == null || result == null || status == null) return;

  // How many checks the page has run: a test (or a person's script) can wait for the next.
  let runs = 0;
  const run = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    status.textContent = fill(labels.working, { count: String(files.length) });
    result.replaceChildren();
    try {
      const report = checkDroppedFiles(await readDropped(files), Date.now());
      result.replaceChildren(...renderReport(report, labels));
      status.textContent = report.ok ? labels.passed : labels.failed;
    } catch (error) {
      status.textContent = fill(labels.failedToRun, { reason: error instanceof Error ? error.message : String(error) });
    }
    runs += 1;
    root.dataset.runs = String(runs);
  };

  input.addEventListener('change', () => void run([...(input.files ?? [])]));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('check-drop-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('check-drop-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('check-drop-over');
    void run([...(event.dataTransfer?.files ?? [])]);
  });
  root.classList.add('check-ready');
}
