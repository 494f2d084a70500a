/**
 * npm run validate [-- --json] [-- --dir path]: checks data/ and prints the bilingual report.
 * Exit code 1 on any error, so a build or CI step stops before publishing; 2 on wrong usage.
 */
import { validateCommand } from './lib/validateCommand.ts';

process.exitCode = await validateCommand(process.argv.slice(2));
