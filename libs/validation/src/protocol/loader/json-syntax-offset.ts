/**
 * Offset of the first JSON syntax error in `text`, or undefined when the text is valid JSON. Node 20's
 * JSON.parse does not always say where it failed (`Unexpected token 'x', "…" is not valid JSON`), so this small
 * scanner finds the spot itself. Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFault) return e.offset;
    throw e;
  }
}

class SyntaxFault {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';
const HEX = /^[0-9a-fA-F]$/;

class JsonScanner {
  private i = 0;
  private readonly open: ('{' | '[')[] = [];

  constructor(private readonly text: string) {}

  document(): void {
    let nextIsMember = false;
    for (;;) {
      if (nextIsMember) this.memberKey();
      if (this.value()) {
        nextIsMember = this.open.at(-1) === '{';
        continue;
      }
      // After a complete value: close containers until a comma asks for the next value (or the text ends).
      for (;;) {
        this.space();
        const top = this.open.at(-1);
        if (top === undefined) {
          if (this.i < this.text.length) this.fail();
          return;
        }
        const c = this.text[this.i];
        if (c !== ',' && c !== (top === '{' ? '}' : ']')) this.fail();
        this.i++;
        if (c === ',') {
          nextIsMember = top === '{';
          break;
        }
        this.open.pop();
      }
    }
  }

  /** One value; returns true when it opened a non-empty container (its content comes next). */
  private value(): boolean {
    this.space();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      this.i++;
      this.space();
      if (this.text[this.i] === (c === '{' ? '}' : ']')) {
        this.i++;
        return false;
      }
      this.open.push(c);
      return true;
    }
    if (c === '"') this.string();
    else if (c === 't' || c === 'f' || c === 'n') this.literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null');
    else this.number();
    return false;
  }

  /** `"key":` before a member's value. */
  private memberKey(): void {
    this.space();
    if (this.text[this.i] !== '"') this.fail();
    this.string();
    this.space();
    if (this.text[this.i] !== ':') this.fail();
    this.i++;
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c.charCodeAt(0) < 0x20) this.fail();
      this.i++;
      if (c === '"') return;
      if (c !== '\\') continue;
      const e = this.text[this.i];
      if (e === 'u') {
        for (let k = 1; k <= 4; k++) if (!HEX.test(this.text[this.i + k] ?? '')) this.fail(this.i + k);
        this.i += 5;
      } else if (e !== undefined && ESCAPES.includes(e)) this.i++;
      else this.fail();
    }
  }

  private literal(word: string): void {
    for (const ch of word) {
      if (this.text[this.i] !== ch) this.fail();
      this.i++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === '') this.fail();
    this.i += match[0].length;
  }

  private space(): void {
    while (' \t\n\r'.includes(this.text[this.i] ?? 'x')) this.i++;
  }

  private fail(at = this.i): never {
    throw new SyntaxFault(at);
  }
}
