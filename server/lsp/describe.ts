import type { z } from 'zod';

/** A zod field's type in words, for hover and completion details. */
export function typeName(field: z.ZodType): string {
  const def = (field as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; options?: z.ZodType[]; element?: z.ZodType; entries?: Record<string, string> } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return def.innerType ? typeName(def.innerType) : 'any';
    case 'union':
      // Each form once (`string or mapping or list`): details are a few words beside a completion item.
      return [...new Set((def.options ?? []).flatMap((option) => typeName(option).split(' or ')))].join(' or ');
    case 'array': {
      // A list of one of several forms is just a list: "list of string or mapping" reads as two choices.
      const element = def.element ? typeName(def.element) : 'values';
      return element.includes(' or ') ? 'list' : `list of ${element}`;
    }
    case 'enum':
      return Object.values(def.entries ?? {}).map((value) => `\`${value}\``).join(' | ');
    case 'date':
      return 'date';
    case 'record':
    case 'object':
      return 'mapping';
    case 'unknown':
    case 'any':
      return 'any';
    default:
      return def.type;
  }
}

/** The values an enum field allows, when it is one. */
export function enumValues(field: z.ZodType): string[] | undefined {
  const def = (field as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; entries?: Record<string, string> } } })._zod.def;
  if (def.type === 'optional' && def.innerType) return enumValues(def.innerType);
  return def.type === 'enum' ? Object.values(def.entries ?? {}) : undefined;
}
