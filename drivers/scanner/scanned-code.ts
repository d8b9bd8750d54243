import type { ScanSource, Symbology } from '../../contract/api/scanner';

/** What every scanner device publishes as `data`; the host turns it into `scanner.scanned`. */
export interface ScannedCode {
  readonly symbology: Symbology;
  readonly text: string;
  readonly source: ScanSource;
}
