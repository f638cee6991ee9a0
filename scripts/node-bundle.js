// How the build bundles compiled modules for Node (scripts/build-tasks.js, scripts/build-cli.js):
// ES modules for Node 20, the package's dependencies left as imports (loaded at run time).
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
