/**
 * What stops `ru-blog migrate` before it writes anything: no config where one was looked for, or a config the old
 * generator would refuse too (a syntax error). The message names the file and line, or what was looked for.
 */
export class MigrateError extends Error {
  override name = "MigrateError";
  /** The command's exit status for it: 2, as for every usage error of `ru-blog`. */
  readonly exitCode = 2;
}
