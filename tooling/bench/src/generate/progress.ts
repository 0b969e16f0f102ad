// A progress bar on stderr, redrawn at most every 200 ms, with rows per second, so a long
// load shows it is moving without flooding a log when stderr is not a terminal.

export class Progress {
  #rows = 0;
  #started = performance.now();
  #lastDraw = 0;
  readonly #tty = process.stderr.isTTY === true;

  constructor(
    readonly label: string,
    readonly expectedRows: number,
  ) {}

  add(rows: number): void {
    this.#rows += rows;
    const now = performance.now();
    if (now - this.#lastDraw >= (this.#tty ? 200 : 5000)) {
      this.#lastDraw = now;
      this.#draw(false);
    }
  }

  get rows(): number {
    return this.#rows;
  }

  get seconds(): number {
    return (performance.now() - this.#started) / 1000;
  }

  done(): void {
    this.#draw(true);
  }

  #draw(final: boolean): void {
    const share = this.expectedRows > 0 ? Math.min(1, this.#rows / this.expectedRows) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    const rate = Math.round(this.#rows / Math.max(this.seconds, 0.001));
    const line = `${this.label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${this.#rows.toLocaleString("en-GB")} rows ${rate.toLocaleString("en-GB")} rows/s ${this.seconds.toFixed(1)} s`;
    if (this.#tty) {
      process.stderr.write(`\r${line}${final ? "\n" : ""}`);
    } else {
      process.stderr.write(`${line}\n`);
    }
  }
}
