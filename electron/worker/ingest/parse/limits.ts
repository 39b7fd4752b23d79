/** Resource caps for parsing one file. Defaults suit a desktop app with a few GB of RAM. */
export type ParseLimits = Readonly<{
  /** Largest raw file accepted, in bytes. */
  maxInputBytes: number;
  /** Cap on the sum of declared uncompressed sizes inside a ZIP container (DOCX). */
  maxUncompressedBytes: number;
  /** Cap on uncompressed / compressed for any sizeable ZIP entry and for the whole archive. */
  maxCompressionRatio: number;
  /** Cap on the number of entries in a ZIP container. */
  maxZipEntries: number;
}>;

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxInputBytes: 256 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 10_000,
};

/** Fills unspecified limits with defaults. */
export function resolveLimits(limits?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_PARSE_LIMITS, ...(limits ?? {}) };
}
