// @vitest-environment node
/**
 * The layering rules of `npm run check` (.dependency-cruiser.cjs) run on small
 * made-up trees: a tree that keeps the floors passes, and each kind of wrong
 * import fails with its rule's name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };

/** The rule names broken by a tree of files (path → source). */
async function broken(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tavla-layers-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = await cruise(
      ['src'],
      { baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden }, tsPreCompilationDeps: true },
      { extensions: ['.ts', '.tsx'] },
    );
    const output = result.output as ICruiseResult;
    return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GOOD = {
  'src/domain/types.ts': 'export type Person = { id: string };\n',
  'src/sync/shared/merge.ts': "import type { Person } from '../../domain/types';\nexport const merge = (p: Person) => p;\n",
  'src/data/repo.ts': "import { merge } from '../sync/shared/merge';\nexport const repo = merge;\n",
  'src/i18n/index.ts': "export const t = (k: string) => k;\n",
  'src/core/clock.ts': "import type { Person } from '../domain/types';\nexport const now = (_p?: Person) => 0;\n",
  'src/core/ui.ts': "import { repo } from '../data/repo';\nimport { t } from '../i18n';\nimport { now } from './clock';\nexport const ui = [repo, t, now];\n",
  'src/board/Home.ts': "import { ui } from '../core/ui';\nexport const Home = ui;\n",
  'src/meeting/Page.ts': "import { ui } from '../core/ui';\nexport const Page = ui;\n",
  'src/shell/App.ts': "import { Home } from '../board/Home';\nimport { Page } from '../meeting/Page';\nexport const App = [Home, Page];\n",
  'src/server/app.ts': "import { merge } from '../sync/shared/merge';\nexport const app = merge;\n",
};

describe('the layering check', () => {
  it('passes a tree that keeps its floors', async () => {
    expect(await broken(GOOD)).toEqual([]);
  });

  it('fails when the domain imports anything of the project', async () => {
    expect(await broken({ ...GOOD, 'src/domain/types.ts': "import { repo } from '../data/repo';\nexport type Person = { id: string };\nexport const r = repo;\n" })).toContain(
      'domain-imports-nothing',
    );
  });

  it('fails when a feature imports another feature', async () => {
    expect(await broken({ ...GOOD, 'src/board/Home.ts': "import { Page } from '../meeting/Page';\nexport const Home = Page;\n" })).toEqual(['feature-board-no-sideways']);
  });

  it('fails when core imports a feature, or data imports the translations', async () => {
    const rules = await broken({
      ...GOOD,
      'src/core/ui.ts': "import { Home } from '../board/Home';\nexport const ui = Home;\n",
      'src/data/repo.ts': "import { t } from '../i18n';\nexport const repo = t;\n",
    });
    expect(rules).toEqual(expect.arrayContaining(['core-below-features', 'data-never-translates']));
  });

  it('fails when the server imports the app', async () => {
    expect(await broken({ ...GOOD, 'src/server/app.ts': "import { repo } from '../data/repo';\nexport const app = repo;\n" })).toEqual(['server-imports-domain-and-shared-sync']);
  });

  it('fails on an import cycle, even inside one folder', async () => {
    const rules = await broken({
      ...GOOD,
      'src/core/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/core/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(rules).toEqual(['no-circular']);
  });

  it('fails when production code imports a test helper', async () => {
    const rules = await broken({
      ...GOOD,
      'tests/helpers/render.ts': 'export const render = 1;\n',
      'src/board/Home.ts': "import { render } from '../../tests/helpers/render';\nexport const Home = render;\n",
    });
    expect(rules).toContain('no-test-code-in-production');
  });
});
