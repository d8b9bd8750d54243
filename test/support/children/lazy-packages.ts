// Bundled by test/unit/host/lazy-package.test.ts with the production build's options: the lazily imported
// CommonJS packages the host uses, resolved as the host resolves them, print what they export.
import { lazyPackage } from '../../../host/lazy-package';

const mqtt = lazyPackage(await import('mqtt'), 'connect');
const tuf = lazyPackage(await import('tuf-js'), 'Updater');
const models = lazyPackage(await import('@tufjs/models'), 'Metadata');
console.log(JSON.stringify({ connect: typeof mqtt.connect, Updater: typeof tuf.Updater, Metadata: typeof models.Metadata, MetadataKind: typeof models.MetadataKind }));
