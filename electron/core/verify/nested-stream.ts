/**
 * The one-pass form of NestedCapture (issue 22): when the encapsulated content streaming by is itself a
 * SignedData (a p7m signed again), the next level is read from it as it passes — through a ChunkChannel, with
 * back-pressure and bounded memory — instead of being spooled to disk and read again afterwards. Each level
 * hashes its own content (the outer one on the hash thread, the next on this one): the levels cost one read.
 * Any other content goes to the optional `plain` sink. The next level's result (or error) is kept for the
 * caller to use once its own level is judged, in the same order as the spooled form: errors and reports do
 * not change.
 */
import { ChunkChannel } from '../files/chunk-channel';
import type { PassOver } from '../cms/signed-data-reader';
import { ContentWatch, sweepSpools } from './nested-capture';

export type NestedResult<T> =
  | { found: false }
  /** a SignedData was found but the depth limit forbids reading it */
  | { found: true; refused: true }
  | { found: true; refused: false; value: T }
  | { found: true; refused: false; error: unknown };

export class NestedStream<T> extends ContentWatch {
  private channel?: ChunkChannel;
  private result?: Promise<NestedResult<T>>;

  /**
   * `start` reads the next level from the stream it is given (undefined: the depth limit is reached, a nested
   * level is refused).
   */
  constructor(
    private readonly start: ((source: ChunkChannel) => Promise<T>) | undefined,
    plain?: (chunk: Uint8Array) => Promise<void>,
    plainWants?: () => boolean,
  ) {
    super(plain, plainWants);
  }

  /** the next level's asks to pass over bytes of its input (its content hashed from the file) */
  readonly passOver: PassOver = {
    wanted: () => this.channel?.skipWanted() ?? 0,
    moved: (n) => this.channel?.skipped(n),
  };

  protected async nested(chunk: Uint8Array): Promise<void> {
    if (this.channel) await this.channel.push(chunk);
  }

  protected async signed(head: Uint8Array): Promise<void> {
    await sweepSpools(); // leftovers of a killed spooled run (this form writes none)
    if (!this.start) return;
    const channel = new ChunkChannel();
    this.channel = channel;
    this.result = this.start(channel).then(
      (value): NestedResult<T> => ({ found: true, refused: false, value }),
      (error: unknown): NestedResult<T> => ({ found: true, refused: false, error }),
    );
    await channel.push(head);
  }

  /** After this level's content ended: the next level's result, once it has read its whole input. */
  async finish(): Promise<NestedResult<T>> {
    if (!this.decided) await this.decide();
    if (!this.found) return { found: false };
    if (!this.channel || !this.result) return { found: true, refused: true };
    await this.channel.close();
    return this.result;
  }

  /** After an error in this level: the next level is ended (its error ignored) before this one reports. */
  async cancel(error: unknown): Promise<void> {
    if (!this.channel || !this.result) return;
    await this.channel.close(error);
    await this.result;
  }
}
