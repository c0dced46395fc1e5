import type { z } from 'zod';
import type { Preset } from '../../schemas/presets';
import type { ResolvedConfig } from './config/config';
import type { ExternalVerdict } from './links/external';
import type { Post, Problem, RuleContext } from './rule';
import type { PageInputs } from './site/page-inputs';
import type { Site } from './site/site';
import type { Span, Workspace } from './types';

/** What a check gives its rules, less what the context works out itself (`now`) or each rule run sets (`options`, `report`, `unverified`). */
export type CheckInputs = Omit<RuleContext<unknown>, 'now' | 'options' | 'report' | 'unverified'>;

/**
 * The context every rule of one check reads. A class, not an object literal: V8
 * builds a literal with a getter of its own (`get now()`, a closure per check) in
 * dictionary mode, so every read of `post`, `site` or `report` by every rule, and
 * every rule run's setting of `options` and `report`, went through a hash lookup.
 * Here the getter is the prototype's, and all checks' contexts share one shape.
 */
export class CheckContext implements RuleContext<unknown> {
  readonly post: Post;
  readonly site: Site;
  readonly config: ResolvedConfig;
  readonly preset: Preset;
  readonly schema: z.ZodObject;
  readonly workspace: Workspace;
  readonly siteCache: RuleContext<unknown>['siteCache'];
  readonly externalVerdict: ((url: string) => ExternalVerdict | undefined) | undefined;
  readonly dependencies: Set<string> | undefined;
  readonly pageInputs: PageInputs | undefined;
  readonly template: string | undefined;
  readonly useSiteTemplates: boolean;
  options: unknown = undefined;
  report: (problem: Problem) => void = ignore;
  unverified: (span: Span, reason: string) => void = ignore;
  /** Today as the clock gave it, once a rule asked. */
  private today: Date | undefined = undefined;

  constructor(
    inputs: CheckInputs,
    private readonly clock: () => Date,
  ) {
    this.post = inputs.post;
    this.site = inputs.site;
    this.config = inputs.config;
    this.preset = inputs.preset;
    this.schema = inputs.schema;
    this.workspace = inputs.workspace;
    this.siteCache = inputs.siteCache;
    this.externalVerdict = inputs.externalVerdict;
    this.dependencies = inputs.dependencies;
    this.pageInputs = inputs.pageInputs;
    this.template = inputs.template;
    this.useSiteTemplates = inputs.useSiteTemplates;
  }

  /** Read from the clock on first use only. */
  get now(): Date {
    return (this.today ??= this.clock());
  }

  /** Whether a rule read the clock: then the check's result depends on the day, not only on the text. */
  get readTheClock(): boolean {
    return this.today !== undefined;
  }
}

function ignore(): void {}
