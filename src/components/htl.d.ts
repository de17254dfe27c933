// htl ships no types; pages use only its tagged templates.
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): any;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): any;
}
