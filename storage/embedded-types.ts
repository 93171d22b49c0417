/** The well-known emulator key; the embedded server accepts any key but the SDK needs base64. */
export const EMBEDDED_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  port: number;
  /** Stops accepting connections (used by fault tests); data stays in memory. */
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
  close(): Promise<void>;
}

