/**
 * Text a student pastes as the training corpus. The page checks it before sending it (to show what will happen) and
 * the worker checks it again (it trusts no message); both run this one function, so they agree.
 *
 *   const p = preparePastedText(raw);
 *   if (p.error) show(p.error);            // empty, too short, a single repeated character: nothing is trained
 *   else train(p.text), show(p.notes);     // cleaned and capped text, plus what was changed and why
 */

/** Longest text used, in characters (code points): about the size of the bundled stories. */
export const MAX_PASTED_CHARS = 20_000;
/** Shortest text that gives the model anything to learn. */
export const MIN_PASTED_CHARS = 20;
/** Raw input beyond this many UTF-16 units is cut before any work (a pasted book must not stall the page). */
const MAX_RAW_UNITS = 4 * MAX_PASTED_CHARS;

/**
 * Invisible characters that would become vocabulary entries nobody can see: zero-width spaces and joiners, the byte
 * order mark, word joiner, soft hyphen, direction marks and embeddings/isolates, and control codes except newline
 * and tab. Removing them is safe: visible text, emoji and right-to-left scripts are kept as they are.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control codes is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Half of a surrogate pair without its other half (broken UTF-16, e.g. a cut emoji): not a character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface PreparedText {
  /** The text to train on (empty when `error` is set). */
  text: string;
  /** Characters (code points) in `text`. */
  chars: number;
  /** Distinct characters in `text`. */
  distinct: number;
  /** Why nothing can be trained on this text, or null. Plain text. */
  error: string | null;
  /** What was changed or will happen (cut to the cap, invisible characters removed, vocabulary capped). */
  notes: string[];
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Cleans and caps pasted text: line endings → \n, broken surrogates and invisible characters removed, NFC form (so
 * "é" typed two ways is one character), at most MAX_PASTED_CHARS characters. Never throws, whatever the input.
 * `maxVocab`: the model's vocabulary cap, to say when rarer characters will share one symbol.
 */
export function preparePastedText(raw: unknown, maxVocab: number): PreparedText {
  const notes: string[] = [];
  const fail = (error: string): PreparedText => ({ text: '', chars: 0, distinct: 0, error, notes });
  if (typeof raw !== 'string') return fail('No text was given.');
  let text = raw.length > MAX_RAW_UNITS ? raw.slice(0, MAX_RAW_UNITS) : raw;
  text = text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '');
  const before = text.length;
  text = text.replace(INVISIBLE, '');
  const removed = before - text.length;
  text = text.normalize('NFC');
  if (removed > 0)
    notes.push(
      `Removed ${plural(removed, 'invisible character')} (zero-width, direction marks or control codes).`,
    );
  let chars = [...text];
  const total = raw.length > MAX_RAW_UNITS ? null : chars.length;
  if (chars.length > MAX_PASTED_CHARS) {
    chars = chars.slice(0, MAX_PASTED_CHARS);
    text = chars.join('');
    notes.push(
      `Only the first ${plural(MAX_PASTED_CHARS, 'character')} are used${total === null ? '' : ` (the text has ${total.toLocaleString('en-US')})`}.`,
    );
  }
  if (text.trim() === '')
    return fail('Paste some text first: the box is empty (or holds only spaces and invisible characters).');
  if (chars.length < MIN_PASTED_CHARS)
    return fail(
      `Too short to learn from: ${plural(chars.length, 'character')}; paste at least ${MIN_PASTED_CHARS}.`,
    );
  const distinct = new Set(chars).size;
  if (distinct < 2)
    return fail('The text repeats a single character: there is nothing to predict. Paste a real text.');
  if (distinct > maxVocab)
    notes.push(
      `${plural(distinct, 'different character')}: the vocabulary holds ${maxVocab}, so the ${distinct - maxVocab + 1} rarest share one symbol (�).`,
    );
  return { text, chars: chars.length, distinct, error: null, notes };
}
