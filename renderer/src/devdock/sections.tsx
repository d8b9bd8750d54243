import type { ComponentType } from 'react';
import { PrinterDockSection } from '../receipt/PrinterDockSection';
import { ScannerDockSection } from '../scan/ScannerDockSection';
import { IdCardDockSection } from './IdCardDockSection';

/**
 * The dev dock is a list of sections, one per simulated peripheral. To add
 * one (printer paper-out, scan a barcode), write a component and append it
 * here; `titleKey` is an i18n key.
 */
export interface DevDockSection {
  readonly id: string;
  readonly titleKey: string;
  readonly Component: ComponentType;
}

export const DEV_DOCK_SECTIONS: DevDockSection[] = [
  { id: 'idcard', titleKey: 'devices.dock.idcard.title', Component: IdCardDockSection },
  { id: 'printer', titleKey: 'receipt.dock.title', Component: PrinterDockSection },
  { id: 'scanner', titleKey: 'scan.dock.title', Component: ScannerDockSection },
];
