// Packaging configuration for electron-builder: an AppImage and a .deb on Linux, an NSIS installer
// on Windows, a dmg on macOS. docs/packaging.md explains each choice; scripts/package.mjs runs it
// (`npm run package`) after checking the Electron runtime and the Electron build of the addon exist.
// test/unit/main/fuses.test.ts asserts the fuses, test/unit/packaging/ the rest.
// electronFuses needs electron-builder 25 or later (it calls @electron/fuses after packing).
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file (electron-builder and the tests load it with require): require is its import */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// The Electron version names the folder of the addon's Electron build (scripts/native.mjs,
// main/core/vault/native.ts). Read from electron's package.json, which npm installs even when the
// runtime itself is skipped (ELECTRON_SKIP_BINARY_DOWNLOAD).
const electronVersion = JSON.parse(readFileSync(join(__dirname, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** What must never ship: tests and their fixtures, benchmarks, tooling, docs, source maps, vaults. */
const neverShipped = [
  '!test/**',
  '!bench/**',
  '!scripts/**',
  '!docs/**',
  '!demo-output/**',
  '!**/*.map',
  // A vault, its journal and its key file hold case files: never inside an installer.
  '!**/*.vault',
  '!**/*.vault-*',
  '!**/*.keys.json',
  // The SQLite addon's Node build and its C sources: the app loads the Electron build (below).
  '!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**',
];

module.exports = {
  appId: 'org.briefcase.app',
  productName: 'Briefcase',
  electronVersion,
  directories: { output: 'dist', buildResources: 'build' },
  // An allow-list: the built app, the shipped templates and fonts, and the addon built for this
  // Electron. ${platform} and ${arch} are electron-builder's file macros: process.platform of the
  // packaging machine and the target arch, the names native.ts uses. The machine's platform is the
  // target's because scripts/package.mjs refuses to package for another system. Production
  // node_modules are added by electron-builder itself and filtered by the same patterns.
  files: [
    'out/**',
    'templates/**',
    'package.json',
    `native/electron-${electronVersion}-\${platform}-\${arch}/better_sqlite3.node`,
    ...neverShipped,
  ],
  // A .node file cannot be dlopen()ed from inside an archive: electron-builder puts it in
  // app.asar.unpacked and Electron's asar support redirects the path main/index.ts passes.
  asarUnpack: ['native/**/*.node'],
  // No rebuild of node_modules by electron-builder: with one package.json the "app" folder is the
  // checkout, so @electron/rebuild would overwrite the Node build that tests and the CLI load.
  // scripts/native.mjs makes the Electron build beside it instead (docs/native-module.md).
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // The app is read from app.asar only; its hash is embedded so the integrity fuse can check it.
  asar: true,
  electronFuses: {
    // ELECTRON_RUN_AS_NODE=1 would turn the signed binary into a plain Node.js that runs any script.
    runAsNode: false,
    // NODE_OPTIONS (e.g. --require a script) and --inspect would let anyone on the machine inject
    // code into, or attach a debugger to, the process holding the vault key.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Chromium's cookie store encrypted with the OS key (the app sets no cookies; defence in depth).
    enableCookieEncryption: true,
    // Load the app only from app.asar, never from a loose app/ folder planted next to it…
    onlyLoadAppFromAsar: true,
    // …and check app.asar against the hash embedded in the binary (macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // file:// gets no privileges beyond a web origin's: the app is served from app://.
    grantFileProtocolExtraPrivileges: false,
  },
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  linux: {
    // AppImage runs from a USB stick without root; the .deb installs for Debian/Ubuntu desktops.
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Case files, evidence and appeal briefs for refugee-law clinics',
    // dpkg requires a maintainer; package.json has no author email on purpose (no personal data).
    maintainer: 'Briefcase maintainers',
    executableName: 'briefcase',
  },
  deb: {
    // The libraries an Electron app needs on a minimal Debian/Ubuntu desktop.
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'],
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    // An assisted installer a part-time IT volunteer can follow: choose per-user or per-machine and
    // the folder, no elevation needed for a per-user install.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // Uninstalling removes the program, never the vaults in the user's data folder.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    // Required for notarisation; the fuses above are flipped before signing.
    hardenedRuntime: true,
  },
  dmg: {
    writeUpdateInfo: false,
  },
};
