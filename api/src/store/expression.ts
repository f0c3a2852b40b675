/** A condition or filter expression with its placeholders. */
export interface Expression {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/**
 * Builds an AND of simple conditions with generated placeholders, so callers never splice user
 * input into expression text.
 */
export class ExpressionBuilder {
  private readonly parts: string[] = [];
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, unknown> = {};
  private counter = 0;

  constructor(private readonly prefix = 'f') {}

  equals(attribute: string, value: unknown): this {
    this.parts.push(`${this.name(attribute)} = ${this.value(value)}`);
    return this;
  }

  /** The attribute is one of `values` (at most 100, DynamoDB's limit for IN). */
  in(attribute: string, values: readonly unknown[]): this {
    if (values.length === 1) return this.equals(attribute, values[0]);
    this.parts.push(`${this.name(attribute)} IN (${values.map((value) => this.value(value)).join(', ')})`);
    return this;
  }

  /** The string contains `value`, or the list has `value` as a member. */
  contains(attribute: string, value: unknown): this {
    this.parts.push(`contains(${this.name(attribute)}, ${this.value(value)})`);
    return this;
  }

  /** The list has any of `values` as a member. */
  containsAny(attribute: string, values: readonly unknown[]): this {
    const name = this.name(attribute);
    const alternatives = values.map((value) => `contains(${name}, ${this.value(value)})`);
    this.parts.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);
    return this;
  }

  atLeast(attribute: string, value: unknown): this {
    this.parts.push(`${this.name(attribute)} >= ${this.value(value)}`);
    return this;
  }

  atMost(attribute: string, value: unknown): this {
    this.parts.push(`${this.name(attribute)} <= ${this.value(value)}`);
    return this;
  }

  build(): Expression | undefined {
    if (this.parts.length === 0) return undefined;
    return { expression: this.parts.join(' AND '), names: { ...this.names }, values: { ...this.values } };
  }

  private name(attribute: string): string {
    const placeholder = `#${this.prefix}${Object.keys(this.names).length}`;
    const existing = Object.entries(this.names).find(([, name]) => name === attribute);
    if (existing) return existing[0];
    this.names[placeholder] = attribute;
    return placeholder;
  }

  private value(value: unknown): string {
    const placeholder = `:${this.prefix}${this.counter}`;
    this.counter += 1;
    this.values[placeholder] = value;
    return placeholder;
  }
}
