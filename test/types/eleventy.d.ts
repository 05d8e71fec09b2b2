// @11ty/eleventy ships no type declarations for its programmatic API; the tests use this much of it.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
    init(): Promise<unknown>;
    watch(): Promise<unknown>;
    stopWatch(): Promise<unknown>;
    setDryRun(isDryRun: boolean): void;
    /** Eleventy's ConsoleLogger; `overrideLogger` gives it something other than `console` to print to. */
    readonly logger: {
      overrideLogger(logger: Record<"log" | "info" | "warn" | "error" | "debug", (...args: unknown[]) => void>): void;
    };
  }
}
