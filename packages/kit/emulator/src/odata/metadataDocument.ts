import type { EntityModel } from './EntityModel.js';

interface MetadataEntityType {
  readonly name: string;
  readonly key: readonly string[];
  readonly model: EntityModel;
}

export interface MetadataOptions {
  readonly namespace: string;
  readonly containerName: string;
  readonly entityTypes: readonly MetadataEntityType[];
  readonly entitySets: readonly { readonly name: string; readonly entityType: string }[];
  readonly enumTypes?: readonly { readonly name: string; readonly members: readonly string[] }[];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A small CSDL (EDMX 4.0) document describing the emulated entity types and sets. */
export function metadataDocument(options: MetadataOptions): string {
  const { namespace } = options;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '<edmx:DataServices>',
    `<Schema Namespace="${namespace}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
  ];
  for (const enumType of options.enumTypes ?? []) {
    lines.push(`<EnumType Name="${escape(enumType.name)}">`);
    enumType.members.forEach((member, value) => lines.push(`<Member Name="${escape(member)}" Value="${value}" />`));
    lines.push('</EnumType>');
  }
  for (const entityType of options.entityTypes) {
    lines.push(`<EntityType Name="${escape(entityType.name)}">`);
    lines.push(`<Key>${entityType.key.map((name) => `<PropertyRef Name="${escape(name)}" />`).join('')}</Key>`);
    for (const [name, property] of Object.entries(entityType.model.properties)) {
      const type = typeof property.type === 'string' ? property.type : property.type.enumType;
      lines.push(`<Property Name="${escape(name)}" Type="${escape(type)}" />`);
    }
    for (const [name, related] of Object.entries(entityType.model.navigation ?? {})) {
      lines.push(`<NavigationProperty Name="${escape(name)}" Type="${escape(related.typeName)}" />`);
    }
    lines.push('</EntityType>');
  }
  lines.push(`<EntityContainer Name="${escape(options.containerName)}">`);
  for (const set of options.entitySets) {
    lines.push(`<EntitySet Name="${escape(set.name)}" EntityType="${escape(`${namespace}.${set.entityType}`)}" />`);
  }
  lines.push('</EntityContainer>', '</Schema>', '</edmx:DataServices>', '</edmx:Edmx>');
  return lines.join('\n');
}
