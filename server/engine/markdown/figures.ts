// Which raw HTML images sit in a `<figure>` whose `<figcaption>` says something.
// A figure often spans several HTML blocks with Markdown between them (a blank line
// ends an HTML block), so the figures stay open from one HTML node to the next, and
// Markdown written inside a figcaption counts as its text.

import { decodeEntities } from './entities.js';
import type { ImageRef } from './types.js';

/** A `<figure>` whose `</figure>` has not come yet. */
interface OpenFigure {
  images: ImageRef[];
  /** Its figcaption, once closed, had text. */
  captioned: boolean;
  /** Its figcaption, while open: whether text has come in it yet. */
  caption?: { hasText: boolean };
}

export class FigureCaptions {
  private readonly open: OpenFigure[] = [];
  /** Where the last HTML node ended: what lies between it and the next is Markdown. */
  private lastNodeEnd = 0;

  constructor(private readonly markdown: string) {}

  /** An HTML node from `from` to `to` is about to be read. */
  node(from: number, to: number): void {
    // Markdown between two HTML nodes inside a figcaption is the caption's text.
    if (this.inCaption && this.markdown.slice(this.lastNodeEnd, from).trim() !== '') this.captionText();
    this.lastNodeEnd = to;
  }

  openTag(name: string): void {
    if (name === 'figure') this.open.push({ images: [], captioned: false });
    else if (name === 'figcaption') {
      const figure = this.innermost();
      if (figure !== undefined) figure.caption = { hasText: false };
    }
  }

  closeTag(name: string): void {
    if (name === 'figcaption') this.closeCaption();
    else if (name === 'figure') {
      // A figcaption left open ends with its figure, as browsers close it.
      this.closeCaption();
      this.open.pop();
    }
  }

  /** Character data of an HTML block, from the tokenizer. */
  text(value: string): void {
    if (decodeEntities(value).trim() !== '') this.captionText();
  }

  /** An `<img>`: it belongs to the innermost open figure, captioned now or later. */
  image(image: ImageRef): void {
    const figure = this.innermost();
    // An image inside the figcaption is part of the caption, not what it describes.
    if (figure === undefined || figure.caption !== undefined) return;
    figure.images.push(image);
    if (figure.captioned) image.inCaptionedFigure = true;
  }

  /** Whether a figcaption is open: only then does text matter. */
  get inCaption(): boolean {
    return this.innermost()?.caption !== undefined;
  }

  private innermost(): OpenFigure | undefined {
    return this.open[this.open.length - 1];
  }

  private captionText(): void {
    const caption = this.innermost()?.caption;
    if (caption !== undefined) caption.hasText = true;
  }

  private closeCaption(): void {
    const figure = this.innermost();
    if (figure?.caption === undefined) return;
    if (figure.caption.hasText) {
      figure.captioned = true;
      for (const image of figure.images) image.inCaptionedFigure = true;
    }
    figure.caption = undefined;
  }
}
