/**
 * Old editions' frozen copies read by today's tool. A frozen copy is never rewritten (its files are
 * published byte for byte); when the tool changes the layout of the data (a renamed file, a renamed
 * or new required column), a migration recorded here turns an older layout into today's in memory,
 * so the old edition's pages still render with the figures it released.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { EDITION_FORMAT } from '../model/editionManifest.ts';

export type EditionFiles = ReadonlyMap<string, Uint8Array>;

export type EditionMigration = {
  /** The layout it reads; it returns the layout `from + 1`. */
  from: number;
  /** What changed in the layout, for docs/editions.md and for a reviewer. */
  note: Bilingual;
  migrate: (files: EditionFiles) => Map<string, Uint8Array>;
};

/** Every change of layout since format 1, oldest first. None yet: format 1 is today's. */
export const EDITION_MIGRATIONS: readonly EditionMigration[] = [];

/**
 * A frozen copy of layout `format` in the layout `target` (today's unless given), by each migration
 * in turn. Throws, in both languages, when a step is missing or the edition is newer than the tool.
 */
export function migrateEdition(
  files: EditionFiles,
  format: number,
  { migrations = EDITION_MIGRATIONS, target = EDITION_FORMAT }: { migrations?: readonly EditionMigration[]; target?: number } = {},
): EditionFiles {
  if (format > target) {
    throw new Error(
      `版本格式 ${format} 比本工具支持的 ${target} 新：请更新工具。 Edition format ${format} is newer than this tool's ${target}: update the tool.`,
    );
  }
  let migrated = files;
  for (let step = format; step < target; step += 1) {
    const migration = migrations.find((m) => m.from === step);
    if (migration === undefined) {
      throw new Error(
        `缺少从版本格式 ${step} 到 ${step + 1} 的迁移（src/read/migrateEdition.ts）。 No migration from edition format ${step} to ${step + 1} (src/read/migrateEdition.ts).`,
      );
    }
    migrated = migration.migrate(migrated);
  }
  return migrated;
}
