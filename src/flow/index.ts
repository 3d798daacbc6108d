// The flow room: the IR types and schema, the builder, and loading flow files.
export * from './schema.js';
export * from './diagnostic.js';
export * from './pointer.js';
export * from './load.js';
export * from './builder.js';
export * from './placeholder.js';
