/** Adds a value to a statement's parameters and answers its placeholder (`$n`). */
export type Bind = (value: unknown) => string;

/** A `Bind` over `params`: conditions built in pieces number their parameters without counting by hand. */
export function binder(params: unknown[]): Bind {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}
