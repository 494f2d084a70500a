/**
 * The sample CI workflows (docs/examples/publish.yml for GitHub Actions, gitlab-ci.yml for GitLab, shards.yml for a matrix of shards):
 * every npm command they run is one package.json has, so renaming a script breaks this test rather
 * than a county's CI; and they validate before building and publish only main.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const WORKFLOWS = ['docs/examples/publish.yml', 'docs/examples/gitlab-ci.yml', 'docs/examples/shards.yml'];
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** `npm run x`, `npm test`, `npm ci`, … wherever they appear, comments included (they tell people what to run). */
function npmCommands(text: string): string[] {
  return [...text.matchAll(/\bnpm (run [\w:-]+|[a-z]+)/g)].map((match) => match[1]!);
}

/** The scripts the commands need: `npm run x` needs x, `npm test` and `npm start` their own; `npm ci` none. */
function missingScripts(commands: readonly string[]): string[] {
  return commands.filter((command) => {
    if (command.startsWith('run ')) return !(command.slice(4) in scripts);
    if (command === 'test' || command === 'start') return !(command in scripts);
    return command !== 'ci';
  });
}

describe.each(WORKFLOWS)('%s', (file) => {
  const text = read(file);

  it('runs only npm scripts package.json has', () => {
    const commands = npmCommands(text);
    expect(commands).toContain('ci');
    expect(commands).toContain('run validate');
    expect(commands).toContain('run build');
    expect(missingScripts(commands)).toEqual([]);
  });

  it('validates before it builds, and publishes from main only', () => {
    expect(text.indexOf('npm run validate')).toBeLessThan(text.indexOf('npm run build'));
    expect(text).toMatch(/main/);
    expect(text).toMatch(/\bpublish:/);
  });
});

describe('the check of the workflows', () => {
  it('notices a script that is not in package.json', () => {
    expect(missingScripts(npmCommands('run: npm run validate && npm run no-such-script\n# npm install'))).toEqual(['run no-such-script', 'install']);
  });

  it('publishes on GitHub only after validation and build passed, only from main, and keeps .cache/ keyed on the lock file and data', () => {
    const text = read('docs/examples/publish.yml');
    const publish = text.slice(text.indexOf('\n  publish:'));
    expect(publish).toMatch(/needs: \[validate, build\]/);
    expect(publish).toMatch(/if: github\.ref == 'refs\/heads\/main' && github\.event_name != 'pull_request'/);
    expect(text).toMatch(/build:[\s\S]*needs: validate/);
    expect(text).toMatch(
      /path: \.cache\n\s+key: site-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('package-lock\.json'\) \}\}-\$\{\{ hashFiles\('data\/\*\*'\) \}\}/,
    );
  });
});
