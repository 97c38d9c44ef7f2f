/**
 * What the entities say about their columns — table and column names, text lengths,
 * nullability — read from MikroORM's own metadata, the same that writes the migrations. The
 * entities (db/src/entities) are the one place a column is defined: the importer checks text
 * lengths with this module, the sample writer names its COPY columns with it, and the tests'
 * fixtures write their rows with it.
 */
import { MikroORM, type EntityMetadata, type EntityProperty, type MetadataStorage } from '@mikro-orm/postgresql';
import { ormConfig } from './orm.ts';

/** An entity class (`SpotCheck`, `Enterprise` …). */
export type EntityClass = abstract new (...args: never[]) => object;

/** A property of an entity class that has a column (`'reportNo'`, `'producer'` …). */
export type PropertyOf<E extends EntityClass> = Extract<keyof InstanceType<E>, string>;

export interface Column {
  /** the entity's property */
  property: string;
  /** the column's name in the database (`report_no`; `producer_id` for a relation) */
  name: string;
  /** the column's type as the schema has it: `int`, `varchar(200)`, `text`, `date`, `boolean`, `timestamptz`, `jsonb` … */
  type: string;
  /** the most characters a `varchar(n)` column holds; undefined for other types */
  length: number | undefined;
  nullable: boolean;
}

let storage: MetadataStorage | undefined;

/** Discovery only, once per process (≈ 40 ms): the ORM is never connected. */
function metadataOf(entity: EntityClass): EntityMetadata {
  storage ??= new MikroORM(ormConfig('postgresql://metadata-only/none')).getMetadata();
  return storage.get(entity);
}

export function tableName(entity: EntityClass): string {
  return metadataOf(entity).tableName;
}

/** The column of `property`; throws when the property has no column of its own (a collection). */
export function column<E extends EntityClass>(entity: E, property: PropertyOf<E>): Column {
  const meta = metadataOf(entity);
  const prop: EntityProperty | undefined = meta.properties[property as never];
  if (!prop || !hasOneColumn(prop)) {
    throw new Error(`${meta.className}.${property} is not a property with one column`);
  }
  return {
    property,
    name: prop.fieldNames[0],
    type: prop.columnTypes[0],
    length: /^varchar\(\d+\)$/.test(prop.columnTypes[0]) ? prop.length : undefined,
    nullable: prop.nullable ?? false,
  };
}

/** Every column of the entity's table, in the order of its properties. */
export function tableColumns(entity: EntityClass): Column[] {
  const meta = metadataOf(entity);
  return meta.props.filter(hasOneColumn).map((prop) => column(entity, prop.name as never));
}

/** A value or a reference held in the entity's own table (not a collection, not a composite key). */
function hasOneColumn(prop: EntityProperty): boolean {
  const own = prop.kind === 'scalar' || prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner === true);
  return own && prop.persist !== false && prop.fieldNames?.length === 1;
}

/** The columns of several properties, in the order given. */
export function columns<E extends EntityClass>(entity: E, properties: readonly PropertyOf<E>[]): Column[] {
  return properties.map((property) => column(entity, property));
}

/** The most characters each property holds, by property (see {@link maxLength}). */
export function maxLengths<E extends EntityClass, P extends PropertyOf<E>>(
  entity: E,
  properties: readonly P[],
): Readonly<Record<P, number>> {
  return Object.fromEntries(properties.map((property) => [property, maxLength(entity, property)])) as Record<P, number>;
}

/** The most characters `property` holds (its `varchar(n)`); throws when it has no such limit. */
export function maxLength<E extends EntityClass>(entity: E, property: PropertyOf<E>): number {
  const { length, type } = column(entity, property);
  if (length === undefined) throw new Error(`${metadataOf(entity).className}.${property} is ${type}, without a length`);
  return length;
}
