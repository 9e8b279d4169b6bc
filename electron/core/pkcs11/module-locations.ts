/**
 * Where the CNS middleware PKCS#11 modules usually live, per OS, in the order they are tried: bit4id
 * (libbit4xpki, libbit4ipki, libbit4opki), Athena (libASEP11), Thales IDPrime, Oberthur AWP (libOcsCryptoki),
 * OpenSC, and p11-kit-proxy last. Sources: /work/shared/reference/cns-cards.md (PeculiarVentures webcrypto-local
 * card.json, OpenSC packaging, Debian multiarch layout).
 */
const LINUX_ARCH_DIRS = ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'i386-linux-gnu'];

function linux(): string[] {
  const vendor = (lib: string, dirs: string[]) => dirs.map((d) => `${d}/${lib}`);
  return [
    ...vendor('libbit4xpki.so', ['/usr/lib', '/usr/lib/bit4id', '/usr/local/lib', '/usr/local/lib/bit4id']),
    ...vendor('libbit4ipki.so', ['/usr/lib', '/usr/lib/bit4id', '/usr/local/lib', '/usr/local/lib/bit4id']),
    ...vendor('libbit4opki.so', ['/usr/lib', '/usr/lib/bit4id', '/usr/local/lib', '/usr/local/lib/bit4id']),
    ...vendor('libASEP11.so', ['/usr/lib/x64-athena', '/usr/lib', '/usr/local/lib']),
    ...vendor('libIDPrimePKCS11.so', ['/usr/lib', '/usr/local/lib', '/usr/lib/pkcs11']),
    ...vendor('libOcsCryptoki.so', ['/usr/lib', '/usr/local/lib']),
    ...LINUX_ARCH_DIRS.map((a) => `/usr/lib/${a}/opensc-pkcs11.so`),
    ...LINUX_ARCH_DIRS.map((a) => `/usr/lib/${a}/pkcs11/opensc-pkcs11.so`),
    '/usr/lib64/opensc-pkcs11.so',
    '/usr/lib64/pkcs11/opensc-pkcs11.so',
    '/usr/lib/opensc-pkcs11.so',
    '/usr/local/lib/opensc-pkcs11.so',
    ...LINUX_ARCH_DIRS.map((a) => `/usr/lib/${a}/p11-kit-proxy.so`),
    '/usr/lib64/p11-kit-proxy.so',
    '/usr/lib/p11-kit-proxy.so',
  ];
}

function windows(env: NodeJS.ProcessEnv): string[] {
  const sys = `${env.SystemRoot ?? env.windir ?? 'C:\\Windows'}\\System32`;
  const programFiles = env.ProgramFiles ?? 'C:\\Program Files';
  return [
    `${sys}\\bit4xpki.dll`,
    `${sys}\\bit4ipki.dll`,
    `${sys}\\bit4opki.dll`,
    `${sys}\\asepkcs.dll`,
    `${sys}\\IDPrimePKCS11.dll`,
    `${sys}\\OcsCryptoki.dll`,
    `${programFiles}\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll`,
    `${sys}\\opensc-pkcs11.dll`,
  ];
}

function macos(): string[] {
  return [
    '/usr/local/lib/libbit4xpki.dylib',
    '/System/Library/bit4id/libbit4xpki.dylib',
    '/Library/bit4id/pkcs11/libbit4xpki.dylib',
    '/usr/local/lib/libbit4ipki.dylib',
    '/usr/local/lib/libbit4opki.dylib',
    '/Library/Application Support/Athena/libASEP11.dylib',
    '/usr/local/lib/libASEP11.dylib',
    '/usr/local/lib/libIDPrimePKCS11.dylib',
    '/Library/Frameworks/eToken.framework/Versions/A/libIDPrimePKCS11.dylib',
    '/usr/local/lib/libOcsCryptoki.dylib',
    '/Library/OpenSC/lib/opensc-pkcs11.so',
    '/opt/homebrew/lib/opensc-pkcs11.so',
    '/usr/local/lib/opensc-pkcs11.so',
    '/opt/homebrew/lib/p11-kit-proxy.dylib',
    '/usr/local/lib/p11-kit-proxy.dylib',
  ];
}

/** The built-in candidate paths for a platform, in order. */
export function builtinModuleLocations(platform: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') return windows(env);
  if (platform === 'darwin') return macos();
  return linux();
}
