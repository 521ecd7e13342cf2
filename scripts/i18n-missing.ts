/**
 * Lists translation gaps: for every language catalogue in src/i18n, the
 * message keys of the Swedish source (sv.ts) that are missing or empty, keys
 * whose {placeholders} differ from Swedish, keys Swedish no longer has, and
 * missing pictogram labels. Run: `npx tsx scripts/i18n-missing.ts [code…]`.
 * Exits 1 when anything is missing, so it can gate a release.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sv from '../src/i18n/sv.ts';
import pictogramsSv from '../src/i18n/pictograms.sv.ts';
import { catalogueGaps, pictogramGaps } from '../src/i18n/tools/gaps.ts';

const dir = join(import.meta.dirname, '..', 'src', 'i18n');
const files = readdirSync(dir);
const codes = files
  .filter((f) => /^[^.]+\.ts$/.test(f) && f !== 'sv.ts')
  .map((f) => f.slice(0, -3))
  .filter((code) => process.argv.length <= 2 || process.argv.slice(2).includes(code))
  .sort();

const load = async (file: string) => ((await import(pathToFileURL(join(dir, file)).href)) as { default: Record<string, string> }).default;

let total = 0;
for (const code of codes) {
  const gaps = catalogueGaps(sv, await load(`${code}.ts`));
  const picto = files.includes(`pictograms.${code}.ts`)
    ? pictogramGaps(pictogramsSv, await load(`pictograms.${code}.ts`))
    : { missing: Object.keys(pictogramsSv), empty: [], unknown: [] };
  const count = gaps.missing.length + gaps.empty.length + gaps.placeholders.length + picto.missing.length + picto.empty.length;
  total += count;
  console.log(`${code}: ${count === 0 ? 'complete' : `${count} to do`}`);
  const list = (title: string, keys: string[]) => {
    if (keys.length) console.log(`  ${title} (${keys.length}):\n${keys.map((k) => `    ${k}  — sv: ${JSON.stringify((sv as Record<string, string>)[k] ?? (pictogramsSv as Record<string, string>)[k] ?? '')}`).join('\n')}`);
  };
  list('missing', gaps.missing);
  list('empty', gaps.empty);
  list('placeholders differ from sv', gaps.placeholders);
  list('not in sv (remove)', gaps.unknown);
  list('pictogram labels missing', picto.missing);
  list('pictogram labels empty', picto.empty);
  list('pictogram ids not in sv (remove)', picto.unknown);
}
process.exitCode = total ? 1 : 0;
