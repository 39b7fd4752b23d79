export type BenchOptions = Readonly<{ quick: boolean }>;
