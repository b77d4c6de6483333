// The import boundaries of docs/design.md, checked on resolved paths (relative imports look
// different at every folder depth, so plain import patterns cannot tell features apart):
// a feature under src/web/features/<a> never imports src/web/features/<b>; src/shared imports
// neither src/web nor src/server; src/web and src/server never import each other.
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function area(path) {
  const inRepo = relative(root, path).split('\\').join('/');
  const feature = /^src\/web\/features\/([^/]+)/.exec(inRepo);
  if (feature) return { root: 'web', feature: feature[1] };
  const top = /^src\/(web|server|shared|mock)(\/|$)/.exec(inRepo);
  return top ? { root: top[1] } : { root: 'other' };
}

function violation(from, to) {
  if (from.feature && to.feature && from.feature !== to.feature)
    return `features never import other features (${from.feature} imports ${to.feature}): compose them in src/web/app, or move what both need to src/web/lib or src/web/components`;
  if (from.root === 'shared' && (to.root === 'web' || to.root === 'server' || to.root === 'mock')) return `src/shared imports neither side (it imports src/${to.root})`;
  if (from.root === 'web' && (to.root === 'server' || to.root === 'mock')) return `src/web never imports src/${to.root}`;
  if (from.root === 'server' && (to.root === 'web' || to.root === 'mock')) return `src/server never imports src/${to.root}`;
  return undefined;
}

const importBoundaries = {
  meta: { type: 'problem', docs: { description: 'Enforce the import boundaries of docs/design.md' }, schema: [] },
  create(context) {
    const from = area(context.filename);
    const file = relative(root, context.filename).split('\\').join('/');
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = area(resolve(dirname(context.filename), source));
      // Mock mode boots the in-page server from the entry with a dynamic import that production builds drop.
      if (file === 'src/web/main.tsx' && node.parent?.type === 'ImportExpression' && to.root === 'mock') return;
      const message = violation(from, to);
      if (message) context.report({ node, message });
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export const boundaries = { rules: { 'import-boundaries': importBoundaries } };
