// The layering rules of docs/architecture.md, read from the path like VS Code's
// code-layering: a file's folder is its environment, and an import that
// crosses into a folder it may not see is an error naming both ends.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** layer → layers it may import (itself always included). */
export const ALLOWED = {
  contract: ['contract'],
  renderer: ['renderer', 'contract'],
  host: ['host', 'contract', 'drivers', 'offline-cache'],
  drivers: ['drivers', 'contract'],
  'offline-cache': ['offline-cache', 'contract'],
  'platform-sim': ['platform-sim', 'contract'],
  'fleet-console': ['fleet-console', 'contract'],
  'video-desk': ['video-desk', 'contract'],
  'electron/main': ['electron/main', 'contract', 'host'],
  'electron/preload': ['electron/preload', 'contract'],
  scripts: null, // entry points: may compose anything
  test: null,
};

/**
 * Inside host/, rooms grouped by whom they serve; a room may import the rooms
 * listed (itself always). Files directly in host/ (the composition root,
 * config, log) and host/webshell/ (the transport) may import every room.
 * Imports run one way: api ← platform ← resident ← staff ← operations.
 */
export const HOST_ROOMS = {
  api: [],
  devices: ['api'],
  platform: ['api'],
  resident: ['api', 'platform', 'devices'],
  staff: ['api', 'resident'],
  operations: ['api', 'platform', 'resident', 'staff', 'devices'],
};

/** host/<room>/… → room, or null for the root files and host/webshell/. */
export function hostRoomOf(absFile, root) {
  const rel = path.relative(root, absFile).split(path.sep).join('/');
  const parts = rel.split('/');
  if (parts[0] !== 'host' || parts.length < 3) return null;
  return Object.prototype.hasOwnProperty.call(HOST_ROOMS, parts[1]) ? parts[1] : null;
}

/** Layers that run in a browser: no Node built-ins. */
const BROWSER_LAYERS = new Set(['renderer', 'contract']);
/** Bare packages the contract may import: it is shared by every process. */
const CONTRACT_PACKAGES = new Set(['zod']);

export function layerOf(absFile, root) {
  const rel = path.relative(root, absFile).split(path.sep).join('/');
  if (rel.startsWith('..')) return null;
  if (rel.startsWith('electron/main/')) return 'electron/main';
  if (rel.startsWith('electron/preload/')) return 'electron/preload';
  if (rel.startsWith('electron/')) return 'electron/main';
  const first = rel.split('/')[0];
  return Object.prototype.hasOwnProperty.call(ALLOWED, first) ? first : null;
}

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the process/folder layering of onething-kiosk' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      electron: "{{file}}: only electron/ may import 'electron' (found '{{spec}}' in layer {{layer}}).",
      builtin: "{{file}}: {{layer}}/ runs in the browser and may not import the Node built-in '{{spec}}'.",
      contractPackage: "{{file}}: contract/ may import only {{allowed}} (found '{{spec}}').",
      crossLayer: "{{file}}: {{layer}}/ may not import from {{target}}/ ('{{spec}}'); allowed: {{allowed}}.",
      hostRoom: "{{file}}: host/{{room}}/ may not import from host/{{target}}/ ('{{spec}}'); imports run one way, host/{{room}}/ may import: {{allowed}}.",
      foreignHandlers: "{{file}}: the API handlers of host/{{target}}/ belong to that room and the composition root ('{{spec}}').",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const layer = layerOf(file, root);
    if (!layer) return {};
    const relFile = path.relative(root, file).split(path.sep).join('/');

    const room = layer === 'host' ? hostRoomOf(file, root) : null;
    function checkRoom(node, spec, resolved, data) {
      const targetRoom = hostRoomOf(resolved, root);
      // The root files compose the rooms; a room's own files see themselves.
      if (!room || !targetRoom || targetRoom === room) return;
      const relTarget = path.relative(root, resolved).split(path.sep).join('/');
      if (relTarget.startsWith(`host/${targetRoom}/handlers/`)) {
        context.report({ node, messageId: 'foreignHandlers', data: { ...data, target: targetRoom } });
        return;
      }
      if (room && !HOST_ROOMS[room].includes(targetRoom)) {
        context.report({ node, messageId: 'hostRoom', data: { ...data, room, target: targetRoom, allowed: HOST_ROOMS[room].join(', ') || 'no other room' } });
      }
    }

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const data = { file: relFile, spec, layer };
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (!layer.startsWith('electron/')) context.report({ node, messageId: 'electron', data });
        return;
      }
      if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0])) {
        if (BROWSER_LAYERS.has(layer)) context.report({ node, messageId: 'builtin', data });
        return;
      }
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const allowed = ALLOWED[layer];
        if (!allowed) return;
        const resolved = path.resolve(path.dirname(file), spec);
        const target = layerOf(resolved, root);
        if (target && !allowed.includes(target)) {
          context.report({ node, messageId: 'crossLayer', data: { ...data, target, allowed: allowed.join(', ') } });
          return;
        }
        if (layer === 'host') checkRoom(node, spec, resolved, data);
        return;
      }
      if (layer === 'contract' && !CONTRACT_PACKAGES.has(packageName(spec))) {
        context.report({ node, messageId: 'contractPackage', data: { ...data, allowed: [...CONTRACT_PACKAGES].join(', ') } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layering: layeringRule } };
