// Control characters in diagram text: shown as their Unicode pictures, since the tools would drop or choke on them.

/** C0 controls but tab and line breaks, and DEL (the C1 controls, which XML allows, stay). */
const CONTROL = /(?![\t\n\r])[\u0000-\u001f\u007f]/gu; // eslint-disable-line no-control-regex

/** Each control character as its Unicode picture (␇ for BEL, ␡ for DEL). */
export function showControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code);
  });
}
