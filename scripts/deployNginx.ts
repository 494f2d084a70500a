/**
 * npm run deploy:nginx [-- --server-name host] [-- --root /var/www/site] [-- --base /path/]: prints the
 * nginx server block for the site in dist/ (scripts/lib/deployNginxCommand.ts). Exit code 1 when no
 * site is built.
 */
import { deployNginxCommand } from './lib/deployNginxCommand.ts';

process.exitCode = await deployNginxCommand(process.argv.slice(2));
