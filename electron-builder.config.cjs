// Packaging configuration for electron-builder (the packaging targets come with issue 8).
// What is here now is the security part: the app ships inside an asar archive whose integrity the
// binary checks, and the Electron fuses (bits flipped in the binary before signing) switch off the
// ways to run the packaged app as something else. test/unit/main/fuses.test.ts asserts each one.
// electronFuses needs electron-builder 25 or later (it calls @electron/fuses after packing).
module.exports = {
  appId: 'org.briefcase.app',
  productName: 'Briefcase',
  directories: { output: 'dist' },
  files: ['out/**', 'package.json'],
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
};
