import { checkSkills } from '#skills';

/**
 * `npm run skills:check [dir]`: validates every skill folder (dir defaults to $WRE_SKILLS_DIR, else ./skills).
 * Exit 0 all clean, 1 any failure or warning, 2 the directory itself is missing or unreadable.
 */
async function main(): Promise<void> {
  const dir = process.argv[2] || process.env['WRE_SKILLS_DIR'] || './skills';
  const report = await checkSkills(dir);
  for (const line of report.lines) console.log(line);
  process.exitCode = report.exitCode;
}

main().catch((e: unknown) => {
  console.error('[wre] skills:check crashed:', e);
  process.exit(2);
});
