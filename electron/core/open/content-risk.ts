/**
 * Whether an extracted document may be handed to the system viewer. A program, a script or a page that runs
 * code (HTML, SVG, XML with XHTML/SVG elements or <script>) is never opened by us: the app shows where it is
 * saved instead. Judged on the name (what the OS would launch it with) and on the bytes (what it really is:
 * the extension of a signed file is whatever the sender chose).
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';

/** 'program': native code or an installer; 'script': run by an interpreter; 'active': a page that runs code */
export type ContentRisk = 'program' | 'script' | 'active' | null;

const PROGRAM = new Set(
  (
    'exe com scr pif cpl msi msp msix msixbundle appx appxbundle dll sys ocx drv efi jar apk app pkg mpkg dmg ' +
    'deb rpm snap flatpak appimage run bin elf out so dylib lnk application appref-ms gadget msc reg inf scf ' +
    'url desktop webloc inetloc terminal command tool iso img vhd vhdx cab diagcab xll xbap ade adp mde ins isp ' +
    'job shb shs settingcontent-ms library-ms searchconnector-ms'
  ).split(' '),
);
const SCRIPT = new Set(
  (
    'bat cmd ps1 ps1xml psc1 psd1 psm1 vb vbe vbs js jse mjs cjs wsf wsh wsc sct hta sh bash zsh csh ksh fish ' +
    'py pyw pyc pl pm rb php lua tcl scpt applescript workflow action ahk au3 kix'
  ).split(' '),
);
const ACTIVE = new Set('html htm xhtml xht shtml mht mhtml svg svgz xsl xslt chm'.split(' '));

/** magic numbers of executables: PE, ELF, Mach-O (32/64, both byte orders), universal binaries / Java classes */
const PROGRAM_MAGIC = ['4d5a', '7f454c46', 'feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'];
/** markup that runs code when a browser or the OS's .xml handler shows the file */
const ACTIVE_MARKUP = ['<script', ':script', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg'];
const SCAN_CHUNK = 1 << 20;

function riskOfName(name: string): ContentRisk {
  const ext = extname(name).slice(1).toLowerCase();
  if (PROGRAM.has(ext)) return 'program';
  if (SCRIPT.has(ext)) return 'script';
  if (ACTIVE.has(ext)) return 'active';
  return null;
}

/** true when a markup document (text starting with `<`) holds code-running markup anywhere */
async function scanMarkup(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const keep = Math.max(...ACTIVE_MARKUP.map((m) => m.length)) - 1;
    const buf = Buffer.allocUnsafe(SCAN_CHUNK);
    let tail = '';
    for (let pos = 0; ;) {
      const { bytesRead } = await fh.read(buf, 0, SCAN_CHUNK, pos);
      if (bytesRead === 0) return false;
      pos += bytesRead;
      const text = tail + asciiText(buf.subarray(0, bytesRead));
      if (ACTIVE_MARKUP.some((m) => text.includes(m))) return true;
      tail = text.slice(-keep);
    }
  } finally {
    await fh.close();
  }
}

/**
 * The bytes as lower-case text, one character per byte, NULs dropped: ASCII markup reads the same in UTF-8,
 * Latin-1 and UTF-16 (either byte order). A UTF-16 code unit split between two reads only costs a NUL.
 */
function asciiText(bytes: Buffer): string {
  return bytes.toString('latin1').split('\u0000').join('').toLowerCase();
}

/** text (after a UTF-8 or UTF-16 byte order mark and blanks) that starts with `<` */
function looksLikeMarkup(head: Buffer): boolean {
  return /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*</.test(asciiText(head));
}

/** the risk of opening `path` (a document named `name`) with the system viewer; null when it is a document */
export async function contentRisk(path: string, name: string): Promise<ContentRisk> {
  const byName = riskOfName(name);
  if (byName) return byName;
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const hex = head.subarray(0, 4).toString('hex');
  if (PROGRAM_MAGIC.some((m) => hex.startsWith(m))) return 'program';
  if (head.subarray(0, 2).toString('latin1') === '#!') return 'script';
  if (looksLikeMarkup(head) && (await scanMarkup(path))) return 'active';
  return null;
}
